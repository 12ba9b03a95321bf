import { expect, type Page, test } from "@playwright/test";
import { firstListedId, screenshot, signIn } from "./helpers";

// An admin subscribes a partner's endpoint from the Webhooks page (the page the "webhook turned off" e-mail
// links to), copies the secret shown that once, sees a change being posted to it, and turns it off. Nothing
// listens on port 9 (discard): every attempt fails, as a partner's server that is down would. The embedded
// default allows private addresses such as 127.0.0.1.

const HOOK = "http://127.0.0.1:9/hook";

const row = (page: Page) =>
  page
    .getByRole("table", { name: /^Webhook subscriptions/ })
    .getByRole("row")
    .filter({
      hasText: HOOK,
    });

test("an admin adds a webhook, sees its secret once, follows its deliveries and turns it off", async ({ page }) => {
  // Offered where the Members page is.
  await signIn(page, "admin@acme.example", "/members");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await nav.getByRole("link", { name: "Webhooks" }).click();
  await expect(page).toHaveURL(/\/webhooks$/);
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No webhook yet")).toBeVisible();

  // The server's refusal, in words, beside the URL; what was typed stays.
  const form = page.getByRole("form", { name: "Add a webhook" });
  const url = form.getByLabel("Endpoint URL");
  await url.fill("partner.example/hook");
  await form.getByRole("button", { name: "Add the webhook" }).click();
  await expect(form.getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(
    /Expected an absolute URL such as https:\/\/partner\.example\/webhooks/,
  );
  await expect(url).toBeFocused();
  await expect(url).toHaveValue("partner.example/hook");

  // From the URL, the keyboard reaches the events; two are ticked.
  await url.fill(HOOK);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Intervention created")).toBeFocused();
  await form.getByLabel("Intervention created").check();
  await form.getByLabel("Intervention changed").check();
  await form.getByRole("button", { name: "Add the webhook" }).click();

  // The secret, once, with the warning, taking the focus.
  const secretPanel = page.getByRole("region", { name: "The new webhook's signing secret" });
  await expect(secretPanel).toBeFocused();
  await expect(secretPanel).toContainText(`The webhook to ${HOOK} is added.`);
  await expect(secretPanel).toContainText("Copy its signing secret now: it will not be shown again.");
  const secretField = secretPanel.getByLabel("Signing secret");
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/]{32}$/);
  const secret = await secretField.inputValue();
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(url).toHaveValue("");

  // Listed, its events in words.
  await expect(row(page)).toHaveCount(1);
  await expect(row(page)).toContainText("Intervention created, Intervention changed");
  await expect(row(page)).toContainText("Active");
  await screenshot(page, "webhooks-secret");

  // Gone once copied, and never sent again.
  await secretPanel.getByRole("button", { name: "I have copied it" }).click();
  await expect(secretPanel).toHaveCount(0);
  await page.reload();
  await expect(row(page)).toHaveCount(1);
  expect(await page.content()).not.toContain(secret);

  // No delivery yet.
  await row(page)
    .getByRole("button", { name: `Show recent deliveries to ${HOOK}` })
    .click();
  await expect(page.getByText("No delivery yet")).toBeVisible();

  // A change to a check is posted, and fails: the partner's server does not answer.
  const id = await firstListedId(page, "?type=1&status=2");
  await page.goto(`/interventions/${id}`);
  const edit = page.getByRole("region", { name: "Edit this preventive check" });
  await edit.getByLabel("Description").fill("Check every extinguisher, told to the partner by webhook");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("status")).toHaveText("The preventive check was updated.");

  await page.goto("/webhooks");
  await row(page)
    .getByRole("button", { name: `Show recent deliveries to ${HOOK}` })
    .click();
  const deliveries = page.getByRole("table", { name: `Recent deliveries to ${HOOK}, newest first` });
  await expect(async () => {
    await page.getByRole("button", { name: `Check the deliveries to ${HOOK} again` }).click();
    await expect(deliveries.getByRole("row").filter({ hasText: "Intervention changed" })).toContainText("Pending", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  const delivery = deliveries.getByRole("row").filter({ hasText: "Intervention changed" });
  await expect(delivery.getByRole("cell").nth(1)).not.toHaveText("0");
  await expect(delivery).not.toContainText("No answer yet");
  await expect(delivery).toContainText(/\d{1,2} \w{3,4} \d{4}, \d\d:\d\d/);
  await screenshot(page, "webhooks-deliveries");

  // Failing since the first failure, in the organization's time zone.
  await expect(async () => {
    await page.reload();
    await expect(row(page)).toContainText(/Failing since \d{1,2} \w{3,4} \d{4}, \d\d:\d\d/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // Turned off: said in words, in the row, with the way back.
  await row(page)
    .getByRole("button", { name: `Turn off the webhook to ${HOOK}` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "is turned off" })).toHaveText(
    `The webhook to ${HOOK} is turned off: it is told of no more events.`,
  );
  await expect(row(page)).toContainText("Turned off");
  await expect(row(page)).toContainText("Turned off by an admin");
  await expect(row(page).getByRole("button", { name: `Turn on the webhook to ${HOOK}` })).toBeVisible();
  await screenshot(page, "webhooks");
});

test("a manager is not offered the Webhooks page, and is refused it", async ({ page }) => {
  await signIn(page, "manager@acme.example", "/interventions");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Interventions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Webhooks" })).toHaveCount(0);

  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Your role does not allow this.");
  await expect(page.getByRole("form", { name: "Add a webhook" })).toHaveCount(0);
  await screenshot(page, "webhooks-forbidden");

  // The data is refused too, not only the page.
  const response = await page.request.get("/api/trpc/webhooks.list");
  expect(response.status()).toBe(403);
});
