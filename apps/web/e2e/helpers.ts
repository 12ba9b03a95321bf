import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const SCREENSHOTS = "test-results/screenshots";

/** Signs in from the sign-in page, in whichever language the browser asks for. */
export async function signIn(page: Page, email: string, next = "/interventions"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(E-mail|Adresse e-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** The id of the first intervention the list shows for these filters. */
export async function firstListedId(page: Page, search: string): Promise<number> {
  await page.goto(`/interventions${search}`);
  const link = page.getByRole("table").getByRole("link").first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  return Number(href?.split("/").at(-1));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
