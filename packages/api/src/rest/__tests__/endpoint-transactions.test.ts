import {
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  VerificationDecision,
} from "@interventions/domain";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ApiTestEnv,
  anomalyStatuses,
  checkSiteRule,
  createApiTestEnv,
  expectProblem,
  freshIntervention,
  interventionRow,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
  snapshot,
} from "../../testing";

// A failure injected in the middle of a verb's transaction (a real trigger that raises on an insert the
// verb makes after its first writes) must leave nothing behind and reveal nothing to the client.

let env: ApiTestEnv;
let seed: SeedFixture;
let manager: Record<string, string>;
let technician: Record<string, string>;

beforeAll(async () => {
  env = await createApiTestEnv();
  seed = await loadSeed(env.database.db);
  manager = await env.credentialsFor("manager@acme.example");
  technician = await env.credentialsFor("technician@acme.example");
  await env.database.db.execute(
    sql.raw(`create or replace function test_injected_failure() returns trigger language plpgsql as $$
      begin raise exception 'injected failure on insert into %', tg_table_name; end $$`),
  );
});
afterAll(async () => {
  await env.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `action` while every insert into `table` fails, then removes the trigger. */
async function withFailingInserts<T>(table: string, action: () => Promise<T>): Promise<T> {
  const db = env.database.db;
  await db.execute(
    sql.raw(
      `create trigger test_injected_failure before insert on ${table} for each row execute function test_injected_failure()`,
    ),
  );
  try {
    return await action();
  } finally {
    await db.execute(sql.raw(`drop trigger if exists test_injected_failure on ${table}`));
  }
}

/** A 500 problem that says nothing of the cause; the cause went to the server's error reporter. */
async function expectOpaque500(response: Response, reported: ReturnType<typeof vi.spyOn>) {
  const body = await expectProblem(response, 500, "INTERNAL_ERROR");
  expect(Object.keys(body).sort()).toEqual(["code", "detail", "status", "title", "type"]);
  expect(JSON.stringify(body)).not.toMatch(/injected|intervention_events|email_outbox|notifications|trigger|stack/i);
  expect(String(reported.mock.calls[0]?.[0]?.cause ?? reported.mock.calls[0]?.[0])).toMatch(/injected failure/);
}

const silenceErrors = () => vi.spyOn(console, "error").mockImplementation(() => {});

describe("a failure injected in the middle of a transaction", () => {
  it("001: no curative is created and its anomalies stay open; without the failure the same request succeeds", async () => {
    const db = env.database.db;
    const anomalyIds = [await openAnomaly(db, seed.acme, 0), await openAnomaly(db, seed.acme, 1)];
    const body = {
      scheduledStart: "2026-12-01T12:34:56.000Z",
      scheduledEnd: "2026-12-05T14:56:23.000Z",
      anomalyIds,
      creationStatus: CreationStatus.done,
      description: "Repair",
    };
    const before = await snapshot(db);
    const reported = silenceErrors();
    const response = await withFailingInserts("intervention_events", () =>
      env.rest(jsonRequest("POST", PATHS.curative, manager, body)),
    );
    await expectOpaque500(response, reported);
    expect(await snapshot(db)).toEqual(before);
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.open, AnomalyStatus.open]);

    const retry = await env.rest(jsonRequest("POST", PATHS.curative, manager, body));
    expect(retry.status).toBe(201);
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.inRepair, AnomalyStatus.inRepair]);
  });

  it("000: no unplanned check, site links or notifications are left", async () => {
    const db = env.database.db;
    const pair = checkSiteRule(seed.acme);
    const before = await snapshot(db);
    const reported = silenceErrors();
    const response = await withFailingInserts("notifications", () =>
      env.rest(
        jsonRequest("POST", PATHS.unplanned, technician, {
          companyId: seed.acme.technicianCompanyId,
          siteIds: [pair.siteId],
          ruleIds: [pair.ruleId],
          signature: { name: "s.jpg", mimeType: "image/jpeg", size: 10 },
          provider: { firstName: "Karim", lastName: "Benali", email: "karim@example.fr" },
        }),
      ),
    );
    await expectOpaque500(response, reported);
    expect(await snapshot(db)).toEqual(before);
  });

  it("002: the change is not kept when its e-mail cannot be queued (same transaction)", async () => {
    const db = env.database.db;
    const id = await freshIntervention(db, seed.acme, {
      type: InterventionType.preventive,
      status: InterventionStatus.scheduled,
    });
    const row = await interventionRow(db, id);
    const before = await snapshot(db);
    const reported = silenceErrors();
    const response = await withFailingInserts("email_outbox", () =>
      env.rest(
        jsonRequest("PATCH", PATHS.preventive(id), manager, {
          description: "Changed",
          sendUpdateEmailToCurrentAssignee: true,
        }),
      ),
    );
    await expectOpaque500(response, reported);
    expect(await snapshot(db)).toEqual(before);
    expect(await interventionRow(db, id)).toEqual(row);
  });

  it("003: a validation is not kept when the verifiers cannot be told", async () => {
    const db = env.database.db;
    const id = await freshIntervention(db, seed.acme, {
      type: InterventionType.trainingExercise,
      status: InterventionStatus.scheduled,
    });
    const before = await snapshot(db);
    const reported = silenceErrors();
    const response = await withFailingInserts("notifications", () =>
      env.rest(jsonRequest("PATCH", PATHS.trainingExercise(id), manager, { validateIntervention: true })),
    );
    await expectOpaque500(response, reported);
    expect(await snapshot(db)).toEqual(before);
    expect((await interventionRow(db, id)).status).toBe(InterventionStatus.scheduled);
  });

  it("004: a decision is not kept, the anomalies stay in repair and the notifications unread", async () => {
    const db = env.database.db;
    const anomalyIds = [await openAnomaly(db, seed.acme)];
    const created = await env.rest(
      jsonRequest("POST", PATHS.curative, manager, {
        scheduledStart: "2026-11-20T08:00:00Z",
        scheduledEnd: "2026-11-20T10:00:00Z",
        anomalyIds,
        creationStatus: CreationStatus.done,
      }),
    );
    expect(created.status).toBe(201);
    const id = (await created.json()).data.id as number;
    const before = await snapshot(db);
    const reported = silenceErrors();
    const response = await withFailingInserts("intervention_events", () =>
      env.rest(
        jsonRequest("PATCH", PATHS.verify(id), manager, {
          decisionComment: "OK",
          decision: VerificationDecision.accept,
        }),
      ),
    );
    await expectOpaque500(response, reported);
    expect(await snapshot(db)).toEqual(before);
    expect((await interventionRow(db, id)).status).toBe(InterventionStatus.awaitingVerification);
    expect(await anomalyStatuses(db, anomalyIds)).toEqual([AnomalyStatus.inRepair]);
  });
});
