import { expect, test } from "@playwright/test";
import { PASSWORD, screenshot, signIn } from "./helpers";

test("a page without a session leads to the sign-in page, then back to it", async ({ page }) => {
  await page.goto("/planning?view=week");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fplanning%3Fview%3Dweek/);
  await screenshot(page, "sign-in");
  await page.getByLabel("E-mail").fill("manager@acme.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong e-mail or password.");
  await expect(page.getByLabel("E-mail")).toHaveValue("manager@acme.example");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/planning\?view=week$/);
  await expect(page.getByRole("heading", { name: "Planning" })).toBeVisible();
});

test("the session cookie is httpOnly and SameSite=Lax; signing out ends the session", async ({ page, context }) => {
  await signIn(page, "manager@acme.example");
  const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === "interventions_session");
  if (!cookie) throw new Error("no session cookie after signing in");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await expect(page.getByText("Safety manager")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The old token no longer opens anything, even if it were replayed.
  await context.addCookies([cookie]);
  await page.goto("/interventions");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a user of two organizations switches between them, and sees each one's data", async ({ page }) => {
  await signIn(page, "consultant@safety.example");
  const organization = page.getByRole("combobox", { name: "Organization" });
  await expect(organization).toHaveValue(/\d+/);
  await expect(organization.locator("option")).toHaveText(["Acme Properties", "Lycée Victor Hugo"]);
  await page.goto("/sites");
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  const acmeSites = await page.getByRole("table").getByRole("link").allTextContents();
  expect(acmeSites.length).toBeGreaterThan(0);

  await page.getByRole("combobox", { name: "Organization" }).selectOption({ label: "Lycée Victor Hugo" });
  await page.getByRole("button", { name: "Switch" }).click();
  // A safety manager lands on what needs attention in the new organization.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "What needs attention" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Organization" }).locator("option:checked")).toHaveText(
    "Lycée Victor Hugo",
  );
  await page.goto("/sites");
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible();
  const lyceeSites = await page.getByRole("table").getByRole("link").allTextContents();
  expect(lyceeSites.some((site) => acmeSites.includes(site))).toBe(false);
});
