import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Found by a review of the running app: pages sent no security headers. The browser now gets them, and the
// pages still work under their Content-Security-Policy (no script of theirs is refused).

test("pages carry a nonce CSP, no framing, no sniffing, a same-origin referrer, and still work", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const signInPage = await page.goto("/sign-in");
  const headers = signInPage?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Plain HTTP here: HSTS is for HTTPS only.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // A new nonce for every page, and the scripts Next.js sent carry it.
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const scripts = await page
    .locator("script[src]")
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);

  // The app works under the policy: signing in and a dashboard page render and react.
  await signIn(page, "manager@acme.example", "/interventions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Planning" }).click();
  await expect(page).toHaveURL(/\/planning/);
  expect(refused).toEqual([]);

  // The REST and health answers get the headers too (no CSP: they hold no scripts).
  const health = await page.request.get("/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["x-frame-options"]).toBe("DENY");
});

test("the HTTPS answer adds HSTS (as behind a TLS-terminating proxy)", async ({ request }) => {
  const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("an admin signs a member out everywhere from the Members page", async ({ page, browser }) => {
  // The viewer signs in on another device.
  const other = await browser.newContext();
  const viewerPage = await other.newPage();
  await signIn(viewerPage, "viewer@acme.example", "/interventions");

  await signIn(page, "admin@acme.example", "/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "viewer@acme.example" });
  await expect(row).not.toContainText("Not signed in");
  await row.getByRole("button", { name: /Sign .* out everywhere/ }).click();
  await expect(page.getByRole("status")).toContainText("is signed out everywhere");
  await expect(row).toContainText("Not signed in");

  // The viewer's next page asks them to sign in again.
  await viewerPage.goto("/planning");
  await expect(viewerPage).toHaveURL(/\/sign-in/);
  await other.close();
});
