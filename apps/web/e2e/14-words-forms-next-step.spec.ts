import { readFileSync } from "node:fs";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

// What a safety manager reads is said in their words, in their language: the history names what changed ("Assigned
// to: — → Karim Benali"), a refusal from the server sits beside its field, the edit form offers what fits the
// check, and a rejected check leads to its re-check and its repair, prefilled.

const messages = (language: string) =>
  JSON.parse(readFileSync(new URL(`../messages/${language}.json`, import.meta.url), "utf8")) as Record<
    string,
    Record<string, string | Record<string, string>>
  >;
type Messages = ReturnType<typeof messages>;
const say = (m: Messages, namespace: string, key: string): string => {
  const [first, second] = key.split(".");
  const value = m[namespace]?.[first ?? ""];
  const text = typeof value === "string" ? value : second ? value?.[second] : undefined;
  if (typeof text !== "string") throw new Error(`no message ${namespace}.${key}`);
  return text;
};

const LANGUAGES = [
  {
    language: "en",
    locale: "en-GB",
    user: "admin@lycee-hugo.example",
    colon: ": ",
    moved: ["2027-03-10", "2027-03-05"],
  },
  {
    language: "fr",
    locale: "fr-FR",
    user: "manager@lycee-hugo.example",
    colon: " : ",
    moved: ["2027-05-10", "2027-04-05"],
  },
] as const;

/** The API's names of fields: none of them may be read on a page. */
const SCHEMA_NAMES =
  /\b(scheduledStart|scheduledEnd|companyId|assignedCompanyContactId|assignedProfileId|assignedUserId|siteRuleIds|siteIds|ruleId|verifiedByProfileId|creationStatus|anomalyIds)\b/;
/** A bare number where a name belongs: `Provider company: 1 → 2`, `+ 14`. */
const RAW_ID = /(?:^|[:→+−,]\s)#?\d+(?=\s*(?:→|,|$))/;

async function expectNoRawWords(lines: Locator): Promise<void> {
  for (const text of await lines.allTextContents()) {
    expect(text, "a schema field name").not.toMatch(SCHEMA_NAMES);
    expect(text, "a raw id").not.toMatch(RAW_ID);
  }
}

async function browserIn(
  browser: Browser,
  locale: string,
  user: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page, user);
  return { page, close: () => context.close() };
}

for (const { language, locale, user, colon, moved } of LANGUAGES) {
  const m = messages(language);

  test(`${language}: the edit form fits the check, the history says the change with names, a refusal sits beside its field`, async ({
    browser,
  }) => {
    const { page, close } = await browserIn(browser, locale, user);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    const id = await firstListedId(page, "?type=preventive&status=scheduled");
    await page.goto(`/interventions/${id}`);
    const form = page.getByRole("region", { name: say(m, "preventiveForm", "heading") });

    // The site rules of its own sites only, one group per site; one assignee control.
    const scope = page.getByRole("region", { name: say(m, "detail", "scope") });
    const ownSites = (await scope.locator("ul").first().getByRole("link").allTextContents()).map((text) => text.trim());
    const rules = form.getByRole("group", { name: say(m, "preventiveForm", "siteRules") });
    const groups = (await rules.locator("fieldset > legend").allTextContents()).map((text) => text.trim());
    expect(groups.length).toBeGreaterThan(0);
    expect(ownSites).toEqual(expect.arrayContaining(groups));
    await expect(form.getByLabel(say(m, "planningFields", "assignedTo"))).toHaveCount(1);
    await expect(form.getByRole("combobox")).toHaveCount(2);

    // Change the assignee to another provider contact, and add a rule of its site.
    const assignee = form.getByLabel(say(m, "planningFields", "assignedTo"));
    const current = await assignee.inputValue();
    const contacts = assignee.locator('option[value^="contact:"]');
    await expect(contacts.first()).toBeAttached();
    const values = await contacts.evaluateAll((options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    const next = values.find((value) => value !== current) ?? "";
    const contactText = (await assignee.locator(`option[value="${next}"]`).textContent()) ?? "";
    const contactName = contactText.replace(/\s*\(.*\)$/, "").trim();
    // A choice made before the page is hydrated does not hold (it is drawn again as it was): choose until it does.
    await page.waitForLoadState("networkidle");
    await expect(async () => {
      await assignee.selectOption(next, { timeout: 2_000 });
      await page.waitForTimeout(300);
      await expect(assignee).toHaveValue(next, { timeout: 500 });
    }).toPass();
    const unchecked = rules.getByRole("checkbox", { checked: false }).first();
    const added = (await unchecked.count()) > 0 ? ((await unchecked.locator("xpath=..").textContent()) ?? "") : "";
    if (added) await unchecked.check();
    await form.getByRole("button", { name: say(m, "preventiveForm", "save") }).click();
    await expect(form.getByRole("status")).toHaveText(say(m, "preventiveForm", "updated"));

    const history = page.getByRole("region", { name: say(m, "detail", "history") });
    const lastEvent = history.locator(".timeline > li").last();
    await expect(lastEvent).toContainText(`${say(m, "labels", "field.assignedCompanyContactId")}${colon}`);
    await expect(lastEvent).toContainText(`→ ${contactName}`);
    if (added) {
      const ruleName = added.split(" — ").slice(1).join(" — ").trim();
      await expect(lastEvent).toContainText(`${say(m, "labels", "field.siteRuleIds")}${colon}+ ${ruleName}`);
    }
    // One bullet per change: the event's dot, and the change's own marker only.
    const changes = history.locator(".timeline .changes > li");
    expect(await changes.count()).toBeGreaterThan(0);
    const dots = await changes.evaluateAll((items) => items.map((item) => getComputedStyle(item, "::before").content));
    expect(dots.every((content) => content === "none" || content === "normal")).toBe(true);
    await expectNoRawWords(changes);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, `${language}-history-in-words`);

    // Meanwhile someone moves the check later; this page, still on the old start, moves only the end.
    const elsewhere = await browserIn(browser, locale, user);
    await elsewhere.page.goto(`/interventions/${id}`);
    await elsewhere.page.waitForLoadState("networkidle");
    const otherForm = elsewhere.page.getByRole("region", { name: say(m, "preventiveForm", "heading") });
    await otherForm.getByLabel(say(m, "planningFields", "scheduledStart")).fill(`${moved[0]}T09:00`);
    await otherForm.getByLabel(say(m, "planningFields", "scheduledEnd")).fill(`${moved[0]}T11:00`);
    await otherForm.getByRole("button", { name: say(m, "preventiveForm", "save") }).click();
    await expect(otherForm.getByRole("status")).toHaveText(say(m, "preventiveForm", "updated"));
    await elsewhere.close();

    await form.getByLabel(say(m, "planningFields", "scheduledEnd")).fill(`${moved[1]}T10:00`);
    await form.getByRole("button", { name: say(m, "preventiveForm", "save") }).click();
    const end = form.getByLabel(say(m, "planningFields", "scheduledEnd"));
    await expect(end).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText(say(m, "formErrors", "endBeforeStart"))).toBeVisible();
    await expect(form.getByRole("alert").first()).toHaveText(say(m, "errors", "validationFailed"));
    await expectNoRawWords(form.locator(".field-error, [role=alert]"));
    await expect(form).not.toContainText(/must not be before/);
    await screenshot(page, `${language}-error-in-words`);
    await close();
  });

  test(`${language}: a rejected check leads to its re-check, a rejected repair to the repair, prefilled`, async ({
    browser,
  }) => {
    const { page, close } = await browserIn(browser, locale, user);
    const check = await firstListedId(page, "?type=preventive&status=rejected");
    await page.goto(`/interventions/${check}`);
    const next = page.getByRole("region", { name: say(m, "detail", "nextStep") });
    await expect(next).toBeVisible();
    await screenshot(page, `${language}-rejected-next-step`);
    const checked = await page
      .getByRole("region", { name: say(m, "detail", "scope") })
      .locator("h3 + ul li")
      .count();
    await next.getByRole("link", { name: say(m, "detail", "planRecheck") }).click();
    await expect(page).toHaveURL(new RegExp(`/compliance/plan\\?(siteRuleId=\\d+&){${checked}}after=${check}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByLabel(say(m, "planCheck", "description"))).toHaveValue(
      say(m, "planCheck", "recheckOf").replace("{id}", String(check)),
    );
    await screenshot(page, `${language}-recheck-prefilled`);

    const repair = await firstListedId(page, "?type=curative&status=rejected");
    await page.goto(`/interventions/${repair}`);
    const anomaly = (
      (await page
        .getByRole("region", { name: say(m, "detail", "scope") })
        .locator("ul li")
        .last()
        .textContent()) ?? ""
    ).replace(/\s*\(.*\)$/, "");
    await page
      .getByRole("region", { name: say(m, "detail", "nextStep") })
      .getByRole("link", { name: new RegExp(`^${say(m, "detail", "planRepair").split(" {")[0]}`) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/anomalies\\?anomaly=\\d+&after=${repair}$`));
    const selected = page.getByRole("table").getByRole("checkbox", { checked: true });
    await expect(selected).toHaveCount(1);
    await expect(selected).toHaveAttribute(
      "aria-label",
      new RegExp(anomaly.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    );
    const form = page.getByRole("region", { name: say(m, "anomalies", "planHeading") });
    await expect(form.getByLabel(say(m, "anomalies", "description"))).toHaveValue(
      say(m, "anomalies", "repairOf").replace("{id}", String(repair)),
    );
    await screenshot(page, `${language}-repair-prefilled`);
    await close();
  });
}
