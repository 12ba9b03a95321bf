import { idempotencyKeys, interventionAnomalies, interventions } from "@interventions/db";
import { CreationStatus } from "@interventions/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  checkSiteRule,
  createApiTestEnv,
  expectProblem,
  expectValidation,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
  TEST_NOW,
} from "../../testing";
import { IDEMPOTENCY_WINDOW_MS, purgeExpiredIdempotencyKeys } from "../idempotency";

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
});
afterAll(async () => {
  await env.close();
});

const curative = (anomalyId: number, description = "Replace the extinguisher") => ({
  scheduledStart: "2026-12-20T08:00:00Z",
  scheduledEnd: "2026-12-20T10:00:00Z",
  anomalyIds: [anomalyId],
  creationStatus: CreationStatus.scheduled,
  description,
});
const createCurative = (body: unknown, key?: string, headers = manager) =>
  env.rest(jsonRequest("POST", PATHS.curative, { ...headers, ...(key ? { "idempotency-key": key } : {}) }, body));

async function curativesHolding(anomalyId: number): Promise<number> {
  const [row] = await env.database.db
    .select({ n: count() })
    .from(interventionAnomalies)
    .where(eq(interventionAnomalies.anomalyId, anomalyId));
  return row?.n ?? 0;
}

describe("Idempotency-Key on the creations", () => {
  it("creates once for five sends of one request, two of them at the same moment; another body → 422", async () => {
    const anomalyId = await openAnomaly(env.database.db, seed.acme);
    const body = curative(anomalyId);
    const key = "retry-5f0c2b6e";
    const first = await createCurative(body, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const created = await first.json();

    const retries = [
      ...(await Promise.all([createCurative(body, key), createCurative(body, key)])),
      await createCurative(body, key),
      // The same fields in another order are the same request.
      await createCurative(Object.fromEntries(Object.entries(body).reverse()), key),
    ];
    for (const retry of retries) {
      if (retry.status === 409) {
        await expectProblem(retry, 409, "IDEMPOTENCY_IN_PROGRESS");
        continue;
      }
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(retry.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(await retry.json()).toEqual(created);
    }
    expect(retries.filter((retry) => retry.status === 409).length).toBeLessThanOrEqual(1);
    expect(await curativesHolding(anomalyId)).toBe(1);

    const other = await createCurative(curative(anomalyId, "Another request"), key);
    await expectProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await curativesHolding(anomalyId)).toBe(1);
  });

  it("keeps no key for a first request that failed, so the corrected retry goes through", async () => {
    const held = await openAnomaly(env.database.db, seed.acme);
    expect((await createCurative(curative(held))).status).toBe(201);
    const key = "after-a-409";
    // The anomaly is already held: 409, nothing written, the key not spent.
    await expectProblem(await createCurative(curative(held), key), 409, "INVALID_STATE");
    const fresh = await openAnomaly(env.database.db, seed.acme);
    const corrected = await createCurative(curative(fresh), key);
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get("idempotent-replayed")).toBeNull();
    expect(await curativesHolding(fresh)).toBe(1);
  });

  it("belongs to one API client: another client's same key is another request", async () => {
    const lycee = await env.credentialsFor("manager@lycee-hugo.example");
    const key = "shared-by-chance";
    const acmeAnomaly = await openAnomaly(env.database.db, seed.acme);
    const lyceeAnomaly = await openAnomaly(env.database.db, seed.lycee);
    expect((await createCurative(curative(acmeAnomaly), key)).status).toBe(201);
    const theirs = await createCurative(curative(lyceeAnomaly), key, lycee);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses a key that is empty, longer than 255 characters or not printable ASCII (400, nothing written)", async () => {
    const anomalyId = await openAnomaly(env.database.db, seed.acme);
    for (const key of ["x".repeat(256), "tab\there", "clé"]) {
      await expectValidation(await createCurative(curative(anomalyId), key), "Idempotency-Key");
    }
    const empty = await env.rest(
      jsonRequest("POST", PATHS.curative, { ...manager, "idempotency-key": "" }, curative(anomalyId)),
    );
    await expectValidation(empty, "Idempotency-Key");
    expect(await curativesHolding(anomalyId)).toBe(0);
  });

  it("replays 000 with a fresh upload link for the same signature object; after 24 hours the key is new", async () => {
    const technician = await env.credentialsFor("technician@acme.example");
    const pair = checkSiteRule(seed.acme);
    const body = {
      companyId: seed.acme.technicianCompanyId,
      siteIds: [pair.siteId],
      ruleIds: [pair.ruleId],
      signature: { name: "s.png", mimeType: "image/png", size: 10 },
      provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
    };
    const send = (headers: Record<string, string>) =>
      env.rest(jsonRequest("POST", PATHS.unplanned, { ...headers, "idempotency-key": "unplanned-1" }, body));
    const first = await (await send(technician)).json();
    env.setNow(new Date(TEST_NOW.getTime() + 60_000));
    const replay = await send(technician);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const replayed = await replay.json();
    expect(replayed.data).toEqual(first.data);
    // Signed again (by the storage's clock) for the same object: the first link may have expired.
    expect(new URL(replayed.presignedUrl).pathname).toBe(new URL(first.presignedUrl).pathname);
    expect(new URL(replayed.presignedUrl).searchParams.get("X-Amz-Signature")).toEqual(expect.any(String));

    // A day later the key has expired: the same request is a new one (new credentials: sessions last 12 h).
    env.setNow(new Date(TEST_NOW.getTime() + IDEMPOTENCY_WINDOW_MS + 60_000));
    const later = await send(await env.credentialsFor("technician@acme.example"));
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect((await later.json()).data.id).not.toBe(first.data.id);
    env.setNow(TEST_NOW);
  });

  it("is purged once expired, by the housekeeping job's delete", async () => {
    const before = await env.database.db.select({ n: count() }).from(idempotencyKeys);
    expect(before[0]?.n).toBeGreaterThan(0);
    const purged = await purgeExpiredIdempotencyKeys(
      env.database.db,
      new Date(TEST_NOW.getTime() + 3 * IDEMPOTENCY_WINDOW_MS),
    );
    expect(purged).toBe(before[0]?.n);
    expect((await env.database.db.select({ n: count() }).from(idempotencyKeys))[0]?.n).toBe(0);
    // The interventions stay: only the record of the answers goes.
    expect((await env.database.db.select({ n: count() }).from(interventions))[0]?.n).toBeGreaterThan(0);
  });
});
