import { readFileSync } from "node:fs";
import { type Browser, expect, type Locator, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

// The one assignee control: a member picked after a provider contact replaces it (the documented PATCH alone
// would keep both). The detail page then names one assignee, and the history says the change in words. The
// manager assigns themself, so that nobody's bell gains a notice that later flows count, and the contact is
// the one the demo check had (its provider company stays).

const catalogue = (language: string) =>
  JSON.parse(readFileSync(new URL(`../messages/${language}.json`, import.meta.url), "utf8")) as {
    preventiveForm: { heading: string; save: string; updated: string };
    planningFields: { assignedTo: string };
    detail: { assignedTo: string; history: string; change: string };
  };

const cases = [
  {
    language: "en",
    locale: "en-GB",
    user: "manager@acme.example",
    contacts: ["Julie Moreau", "Thomas Girard"],
    member: "Marc Lambert",
  },
  {
    language: "fr",
    locale: "fr-FR",
    user: "manager@lycee-hugo.example",
    contacts: ["Emma Roux", "Hugo Fontaine"],
    member: "Paul Chevalier",
  },
] as const;

/** Picks the option naming that person, until the hydrated page holds the choice, and saves. */
async function choose(form: Locator, m: ReturnType<typeof catalogue>, kind: "contact" | "member", name: string) {
  const assignee = form.getByLabel(m.planningFields.assignedTo);
  const value = (await assignee.locator(`option[value^="${kind}:"]`, { hasText: name }).getAttribute("value")) ?? "";
  await expect(async () => {
    await assignee.selectOption(value, { timeout: 2_000 });
    await expect(assignee).toHaveValue(value, { timeout: 500 });
  }).toPass();
  await form.getByRole("button", { name: m.preventiveForm.save }).click();
  await expect(form.getByRole("status")).toHaveText(m.preventiveForm.updated);
  return value;
}

async function replaceContactByMember(browser: Browser, each: (typeof cases)[number]) {
  const { language, locale, user, member } = each;
  const m = catalogue(language);
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page, user);
  const id = await firstListedId(page, "?type=preventive&status=scheduled");
  await page.goto(`/interventions/${id}`);
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("region", { name: m.preventiveForm.heading });
  // A contact other than the one the check may have already: choosing it must change something.
  const current = await form.getByLabel(m.planningFields.assignedTo).inputValue();
  const contactValues = await Promise.all(
    each.contacts.map((name) => form.locator(`option[value^="contact:"]`, { hasText: name }).getAttribute("value")),
  );
  const contact = each.contacts[contactValues.indexOf(current) === 0 ? 1 : 0];
  await choose(form, m, "contact", contact);
  const chosen = await choose(form, m, "member", member);

  // One assignee on the detail page: the member, no contact beside them.
  const assigned = page.locator("dt", { hasText: m.detail.assignedTo }).locator("xpath=following-sibling::dd[1]");
  await expect(assigned).toHaveText(member);
  // The history says it as a reader would: one line, who before and who after.
  const line = m.detail.change
    .replace("{field}", m.detail.assignedTo)
    .replace("{from}", contact)
    .replace("{to}", member);
  const history = page.getByRole("region", { name: m.detail.history });
  await expect(history.getByRole("listitem").filter({ hasText: new RegExp(`^${line}$`) })).toHaveCount(1);
  await expect(history).not.toContainText(/\bId\b|assignedProfileId|assignedCompanyContactId/);

  await page.reload();
  await expect(
    page.getByRole("region", { name: m.preventiveForm.heading }).getByLabel(m.planningFields.assignedTo),
  ).toHaveValue(chosen);
  await expect(assigned).toHaveText(member);
  await screenshot(page, `${language}-assignee-replaced`);
  await context.close();
}

for (const each of cases) {
  test(`${each.language}: a member picked after a provider contact is the only one assigned`, async ({ browser }) => {
    await replaceContactByMember(browser, each);
  });
}
