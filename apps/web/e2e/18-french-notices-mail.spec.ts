import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { type ParsedMail, simpleParser } from "mailparser";
import { firstListedId, screenshot, signIn } from "./helpers";

// Notices and e-mails speak their reader's language: a French manager's assignment reaches a French colleague's
// bell and mailbox in French, with the Lycée's own records in French; at Acme an English browser reads its bell
// in English, whatever language the notice was written in, and an English colleague's e-mail is in English.

const MAIL_DIR = join(process.env.E2E_DATA_DIR ?? "", "mail");
const ENGLISH = /\b(assigned|has been|Hello|Scheduled|demo intervention|Preventive check|Open in)\b|Intervention #/;
const FRENCH = /confiée|Bonjour|Intervention n°|Contrôle|démonstration|Voir l|Marquer/;

const catalogue = (language: string) =>
  JSON.parse(readFileSync(new URL(`../messages/${language}.json`, import.meta.url), "utf8")) as {
    notifications: { title: Record<string, string> };
    preventiveForm: { heading: string; save: string; updated: string };
    planningFields: { assignedTo: string; nobody: string };
  };

async function browserIn(browser: Browser, locale: string, user: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/** Assigns the check to a member from its edit form, as a manager does. */
async function assign(page: Page, language: "fr" | "en", id: number, member: string): Promise<void> {
  const m = catalogue(language);
  await page.goto(`/interventions/${id}`);
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("region", { name: m.preventiveForm.heading });
  const assignee = form.getByLabel(m.planningFields.assignedTo);
  const value = await assignee.locator('option[value^="member:"]', { hasText: member }).getAttribute("value");
  // A choice made before the page is hydrated does not hold: choose until it does.
  await expect(async () => {
    await assignee.selectOption(value ?? "", { timeout: 2_000 });
    await expect(assignee).toHaveValue(value ?? "", { timeout: 500 });
  }).toPass();
  await form.getByRole("button", { name: m.preventiveForm.save }).click();
  await expect(form.getByRole("status")).toHaveText(m.preventiveForm.updated);
}

/** The e-mail the mail worker wrote to that address about that intervention (it sends within seconds). */
async function mailTo(address: string, id: number): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        const files = readdirSync(MAIL_DIR, { withFileTypes: true }).filter((file) => file.name.endsWith(".eml"));
        for (const file of files) {
          const mail = await simpleParser(readFileSync(join(MAIL_DIR, file.name)));
          const to = Array.isArray(mail.to) ? mail.to.map((each) => each.text).join() : (mail.to?.text ?? "");
          if (to.includes(address) && new RegExp(`\\b${id}\\b`).test(mail.subject ?? "")) found = mail;
        }
        return found !== undefined;
      },
      { timeout: 45_000, intervals: [500, 1_000, 2_000] },
    )
    .toBe(true);
  return found as ParsedMail;
}

/** The bell's entry about that intervention. */
async function noticeOf(page: Page, id: number) {
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const panel = page.getByRole("region", { name: "Notifications" });
  return {
    panel,
    item: panel
      .getByRole("link")
      .and(page.locator(`[href="/interventions/${id}"]`))
      .first(),
  };
}

test("a French manager's assignment reaches a French colleague's bell and mailbox in French", async ({ browser }) => {
  const fr = catalogue("fr");
  const manager = await browserIn(browser, "fr-FR", "manager@lycee-hugo.example");
  const id = await firstListedId(manager, "?type=preventive&status=scheduled");
  await assign(manager, "fr", id, "Isabelle Garnier");
  await manager.context().close();

  const mail = await mailTo("admin@lycee-hugo.example", id);
  expect(mail.subject).toBe(`[Lycée Victor Hugo] ${fr.notifications.title.assigned?.replace("{id}", String(id))}`);
  expect(mail.text).toContain("Bonjour Isabelle Garnier,");
  expect(mail.text).toContain("Une intervention vous a été confiée.");
  // The Lycée's records are in French too: the description the e-mail quotes.
  expect(mail.text).toMatch(/Contrôle périodique — intervention de démonstration/);
  for (const part of [mail.subject ?? "", mail.text ?? "", String(mail.html)]) expect(part).not.toMatch(ENGLISH);

  const admin = await browserIn(browser, "fr-FR", "admin@lycee-hugo.example");
  await expect(admin.locator("html")).toHaveAttribute("lang", "fr");
  const { panel, item } = await noticeOf(admin, id);
  await expect(item).toHaveText(fr.notifications.title.assigned?.replace("{id}", String(id)) ?? "");
  await expect(panel.getByRole("button", { name: "Marquer comme lue" }).first()).toBeVisible();
  expect(await panel.textContent()).not.toMatch(ENGLISH);
  await screenshot(admin, "fr-notices");
  await admin.context().close();
});

test("at Acme an English browser reads its bell in English, and an English colleague's e-mail is in English", async ({
  browser,
}) => {
  const en = catalogue("en");
  const manager = await browserIn(browser, "en-GB", "manager@acme.example");
  const id = await firstListedId(manager, "?type=preventive&status=scheduled");
  // Claire Dubois reads her mail in French (her language on her profile); Sophie Martin in English.
  await assign(manager, "en", id, "Claire Dubois");
  await assign(manager, "en", id, "Sophie Martin");
  await manager.context().close();

  const english = await mailTo("viewer@acme.example", id);
  expect(english.subject).toBe(`[Acme Properties] ${en.notifications.title.assigned?.replace("{id}", String(id))}`);
  expect(english.text).toContain("Hello Sophie Martin,");
  for (const part of [english.subject ?? "", english.text ?? "", String(english.html)])
    expect(part).not.toMatch(FRENCH);
  const french = await mailTo("admin@acme.example", id);
  expect(french.subject).toContain("elle vous est confiée");

  // Her notice was written in French; her English browser reads it in English.
  const admin = await browserIn(browser, "en-GB", "admin@acme.example");
  await expect(admin.locator("html")).toHaveAttribute("lang", "en");
  const { panel, item } = await noticeOf(admin, id);
  await expect(item).toHaveText(en.notifications.title.assigned?.replace("{id}", String(id)) ?? "");
  await expect(panel.getByRole("button", { name: "Mark as read" }).first()).toBeVisible();
  expect(await panel.textContent()).not.toMatch(FRENCH);
  await screenshot(admin, "en-notices");
  await admin.context().close();
});

test("« Personne » leaves a check with nobody assigned, said in words in its history", async ({ browser }) => {
  const fr = catalogue("fr");
  const page = await browserIn(browser, "fr-FR", "manager@lycee-hugo.example");
  const id = await firstListedId(page, "?type=preventive&status=scheduled");
  await page.goto(`/interventions/${id}`);
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("region", { name: fr.preventiveForm.heading });
  const assignee = form.getByLabel(fr.planningFields.assignedTo);
  await expect(assignee.locator('option[value=""]')).toHaveText(fr.planningFields.nobody);
  await expect(async () => {
    await assignee.selectOption("", { timeout: 2_000 });
    await expect(assignee).toHaveValue("", { timeout: 500 });
  }).toPass();
  await form.getByRole("button", { name: fr.preventiveForm.save }).click();
  await expect(form.getByRole("status")).toHaveText(fr.preventiveForm.updated);
  const history = page.getByRole("region", { name: "Historique" });
  await expect(
    history
      .getByRole("listitem")
      .filter({ hasText: /^(Assignée à|Membre assigné) : .+ → Personne$/ })
      .first(),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("region", { name: fr.preventiveForm.heading }).getByLabel(fr.planningFields.assignedTo),
  ).toHaveValue("");
  await screenshot(page, "fr-unassigned");
  await page.context().close();
});
