import { expect, type Page, test } from "@playwright/test";
import { screenshot, signIn } from "./helpers";

// A provider's technician sees the work of their company and their own, on every page. What is theirs is
// worked out from a manager's view of the same organization (through the dashboard's own API).

interface Item {
  id: number;
  scheduledStart: string;
  companyId: number | null;
  assignedCompanyContactId: number | null;
  assignedProfileId: number | null;
  createdByProfileId: number | null;
}

async function query<T>(page: Page, procedure: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${procedure}${search}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function everyIntervention(page: Page): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const list: { items: Item[]; nextCursor: string | null } = await query(page, "interventions.list", {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...list.items);
    cursor = list.nextCursor;
  } while (cursor);
  return items;
}

const linkedIds = async (page: Page, selector: string) =>
  (await page.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))).map(
    (href) => Number(href.split("/").at(-1)),
  );

test("the technician's list, planning and pages show only their company's work and their own", async ({
  page,
  context,
}) => {
  await signIn(page, "manager@acme.example");
  const all = await everyIntervention(page);
  const options = await query<{
    contacts: { id: number; firstName: string; lastName: string; companyId: number }[];
    profiles: { id: number; firstName: string; lastName: string; role: number }[];
  }>(page, "session.options");
  const technician = options.profiles.find((profile) => profile.role === 4);
  const contact = options.contacts.find(
    (candidate) => candidate.firstName === technician?.firstName && candidate.lastName === technician?.lastName,
  );
  if (!technician || !contact) throw new Error("no demo technician and contact");
  const theirs = (item: Item) =>
    item.companyId === contact.companyId ||
    item.assignedCompanyContactId === contact.id ||
    item.assignedProfileId === technician.id ||
    item.createdByProfileId === technician.id;
  const scope = new Set(all.filter(theirs).map((item) => item.id));
  const outside = all.filter((item) => !theirs(item));
  expect(scope.size).toBeGreaterThan(0);
  expect(outside.length).toBeGreaterThan(0);

  await context.clearCookies();
  await signIn(page, "technician@acme.example");

  // The list: exactly their interventions, and the tabs count only those.
  await page.goto("/interventions");
  await expect(page.getByRole("navigation", { name: "Count per status" }).getByRole("link").first()).toHaveText(
    `All (${scope.size})`,
  );
  await screenshot(page, "technician-list");
  const listed: number[] = [];
  for (;;) {
    await expect(page.getByRole("table")).toBeVisible();
    listed.push(...(await linkedIds(page, 'table a[href^="/interventions/"]')));
    const next = page.getByRole("link", { name: "Next page →" });
    if ((await next.count()) === 0) break;
    await next.click();
    await page.waitForURL(/cursor=/);
  }
  expect(listed.filter((id) => !scope.has(id))).toEqual([]);
  expect(new Set(listed)).toEqual(scope);

  // The planning, every month the organization has work in.
  const months = [...new Set(all.map((item) => item.scheduledStart.slice(0, 7)))];
  let planned = 0;
  for (const month of months) {
    await page.goto(`/planning?view=month&date=${month}-15`);
    await expect(page.getByText(/interventions? in this period/)).toBeVisible();
    const shown = await linkedIds(page, 'ol.calendar a[href^="/interventions/"]');
    expect(
      shown.filter((id) => !scope.has(id)),
      month,
    ).toEqual([]);
    planned += shown.length;
  }
  expect(planned).toBeGreaterThan(0);

  // Someone else's intervention is not found, like one that does not exist; their own opens.
  const other = outside[0];
  if (!other) throw new Error("no intervention outside the technician's scope");
  const response = await page.goto(`/interventions/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(`#${other.id}`)).toHaveCount(0);
  const own = [...scope][0];
  expect((await page.goto(`/interventions/${own}`))?.status()).toBe(200);
});
