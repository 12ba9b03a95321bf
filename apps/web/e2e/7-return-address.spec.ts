import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// A signed-in user who follows a crafted sign-in link stays on this site, whatever `next` says.
const TRICKS = [
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/interventions/..//evil.example",
  "//evil.example",
  "/\\evil.example",
];

test("a crafted next never leaves the site, signed in or signing in", async ({ page }) => {
  await signIn(page, "manager@acme.example");
  const here = new URL(page.url()).host;
  for (const next of TRICKS) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/:\d+\/$/);
    expect(new URL(page.url()).host, next).toBe(here);
  }
  await page.context().clearCookies();
  await page.goto(`/sign-in?next=${encodeURIComponent(TRICKS[0] ?? "")}`);
  await page.getByLabel("E-mail").fill("manager@acme.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/:\d+\/$/);
  expect(new URL(page.url()).host).toBe(here);
});
