import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

// The dashboard speaks its user's language: the one they chose on their profile, else their browser's, else their
// organization's (the Lycée French, Acme English). Whatever the language, the page's own words are all in it.

type Catalogue = { [key: string]: string | Catalogue };
const catalogue = (language: string): Catalogue =>
  JSON.parse(readFileSync(new URL(`../messages/${language}.json`, import.meta.url), "utf8"));
const en = catalogue("en");
const fr = catalogue("fr");
const texts = (catalogue: Catalogue): string[] =>
  Object.values(catalogue).flatMap((value) => (typeof value === "string" ? [value] : texts(value)));

/** The words of one language that the other does not use: what must not show on a page in the other one. */
function onlyIn(language: Catalogue, other: Catalogue): string[] {
  const others = new Set(texts(other));
  return [...new Set(texts(language))].filter(
    (text) => !others.has(text) && !/[{}]/.test(text) && text.replace(/[^\p{L}]/gu, "").length >= 5,
  );
}
const ENGLISH_ONLY = onlyIn(en, fr);
const FRENCH_ONLY = onlyIn(fr, en);

/** The page's own words: headings, column heads, field labels, buttons, badges and links of navigation. */
async function pageWords(page: Page): Promise<string[]> {
  return page
    .locator("h1, h2, h3, th[scope=col], legend, button, .badge, nav a, .field > span, .field > label > span, caption")
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? "").trim()).filter(Boolean));
}

function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "u").test(text);
}

async function expectOnly(page: Page, language: "fr" | "en"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  const foreign = language === "fr" ? ENGLISH_ONLY : FRENCH_ONLY;
  const words = await pageWords(page);
  expect(words.length).toBeGreaterThan(2);
  // Whole words only: the French "Anomalie" is in the English "Anomalies", and is not French there.
  const strays = words.filter((word) => foreign.some((text) => containsWords(word, text)));
  expect(strays, `words of the other language on ${page.url()}`).toEqual([]);
}

async function browserIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

test("a French browser in the French demo organization sees the list, an intervention and the planning in French", async ({
  browser,
}) => {
  const { context, page } = await browserIn(browser, "fr-FR");
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
  await expectOnly(page, "fr");
  await screenshot(page, "fr-sign-in");
  await signIn(page, "admin@lycee-hugo.example");

  await expect(page.getByRole("heading", { level: 1, name: "Interventions" })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filtres" });
  // The form is drawn again when its sites and people arrive: a choice made just before is chosen again.
  await expect(async () => {
    await filters.getByLabel("Type").selectOption({ label: "Contrôle préventif" });
    await filters.getByLabel("Statut").selectOption({ label: "Planifiée" });
    await filters.getByRole("button", { name: "Appliquer" }).click();
    await expect(page).toHaveURL(/\/interventions\?type=preventive&status=scheduled$/, { timeout: 3_000 });
  }).toPass();
  await expect(page.getByRole("navigation", { name: "Nombre par statut" }).getByRole("link").first()).toHaveText(
    /^Toutes \(\d+\)$/,
  );
  await expect(page.getByRole("table").locator("tbody tr").first()).toContainText("Contrôle préventif n°");
  await expectOnly(page, "fr");
  await screenshot(page, "fr-interventions-list");

  const id = await firstListedId(page, "?type=preventive&status=scheduled");
  await page.goto(`/interventions/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Contrôle préventif n° ${id}`);
  await expect(page.getByRole("region", { name: "Détails" })).toContainText(/\d{1,2} [a-zéû]{3,5}\.? \d{4}/);
  await expect(page.getByRole("region", { name: "Modifier ce contrôle préventif" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Historique" })).toContainText("Créée");
  await expectOnly(page, "fr");
  await screenshot(page, "fr-intervention-detail");

  await page.goto("/planning");
  await expect(page.getByRole("link", { name: "Mois suivant →" })).toBeVisible();
  await expect(page.getByText(/interventions? sur cette période/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Jours" }).locator('[aria-current="date"]')).toContainText("Aujourd’hui");
  await expectOnly(page, "fr");
  await screenshot(page, "fr-planning-month");
  await context.close();
});

test("an English browser in the same organization sees them in English only", async ({ browser }) => {
  const { context, page } = await browserIn(browser, "en-GB");
  await signIn(page, "admin@lycee-hugo.example");
  await expect(page.getByRole("form", { name: "Filters" })).toBeVisible();
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await expectOnly(page, "en");
  await screenshot(page, "en-interventions-list");

  const id = await firstListedId(page, "?type=preventive&status=scheduled");
  await page.goto(`/interventions/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Preventive check #${id}`);
  await expect(page.getByRole("region", { name: "Details" })).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d/);
  await expectOnly(page, "en");
  await screenshot(page, "en-intervention-detail");

  await page.goto("/planning");
  await expect(page.getByRole("list", { name: "Days" }).locator('[aria-current="date"]')).toContainText("Today");
  await expectOnly(page, "en");
  await screenshot(page, "en-planning-month");
  await context.close();
});

test("a browser asking for neither language gets the organization's: French at the Lycée, English at Acme", async ({
  browser,
}) => {
  const { context, page } = await browserIn(browser, "de-DE");
  await page.goto("/sign-in");
  // Before signing in no organization is known: the dashboard's users' own language.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await signIn(page, "manager@lycee-hugo.example", "/");
  await expect(page.getByRole("heading", { level: 1, name: "Ce qui demande votre attention" })).toBeVisible();
  await expectOnly(page, "fr");
  await context.clearCookies();
  await signIn(page, "manager@acme.example", "/interventions");
  await expect(page.getByRole("form", { name: "Filters" })).toBeVisible();
  await expectOnly(page, "en");
  await context.close();
});

test("the language chosen in the header is saved on the profile and wins over the browser's, on every device", async ({
  browser,
}) => {
  const user = "viewer@lycee-hugo.example";
  const first = await browserIn(browser, "fr-FR");
  await signIn(first.page, user, "/planning");
  await expect(first.page.locator("html")).toHaveAttribute("lang", "fr");
  const languages = first.page.getByRole("group", { name: "Langue" });
  await expect(languages.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await languages.getByRole("button", { name: "English" }).click();
  await expect(first.page.locator("html")).toHaveAttribute("lang", "en");
  await expect(first.page.getByRole("link", { name: "Next month →" })).toBeVisible();
  await expect(
    first.page.getByRole("group", { name: "Language" }).getByRole("button", { name: "English" }),
  ).toHaveAttribute("aria-pressed", "true");
  await expectOnly(first.page, "en");
  await first.context.close();

  // Another French browser, the same user: their choice.
  const second = await browserIn(browser, "fr-FR");
  await signIn(second.page, user, "/planning");
  await expectOnly(second.page, "en");
  await second.page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Français" }).click();
  await expect(second.page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(second.page.getByRole("link", { name: "Mois suivant →" })).toBeVisible();
  await expectOnly(second.page, "fr");
  await second.context.close();
});
