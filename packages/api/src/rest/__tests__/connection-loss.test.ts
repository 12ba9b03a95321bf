import { interventionAnomalies, interventionEvents, selectRows } from "@interventions/db";
import { InterventionStatus, InterventionType } from "@interventions/domain";
import { eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiTestEnv,
  createApiTestEnv,
  freshIntervention,
  jsonRequest,
  loadSeed,
  openAnomaly,
  PATHS,
  type SeedFixture,
} from "../../testing";

// PostgreSQL only: PGlite lives in the process and has no connection to lose.
const url = process.env.DATABASE_URL;

const RUN_MS = 12_000;
const KILL_EVERY_MS = 400;
const UPDATERS = 6;
const CREATORS = 2;

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  code: string | undefined;
  detail: string | undefined;
}

describe.runIf(url)("the database's connections cut every 400 ms under 8 writers", () => {
  let env: ApiTestEnv;
  let seed: SeedFixture;
  let manager: Record<string, string>;
  let admin: postgres.Sql;

  beforeAll(async () => {
    env = await createApiTestEnv();
    seed = await loadSeed(env.database.db);
    manager = await env.credentialsFor("manager@acme.example");
    admin = postgres(url ?? "", { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await env?.close();
  });

  it("answers every request within 10 s, fails only with a retryable 503, and loses no acknowledged write", async () => {
    const [{ name } = { name: "" }] = await selectRows<{ name: string }>(
      env.database.db,
      sql`select current_database() as name`,
    );
    expect(name).not.toBe("");
    const targets = await Promise.all(
      Array.from({ length: UPDATERS }, () =>
        freshIntervention(env.database.db, seed.acme, {
          type: InterventionType.preventive,
          status: InterventionStatus.scheduled,
        }),
      ),
    );
    const anomalies: number[] = [];
    for (let index = 0; index < 120; index += 1)
      anomalies.push(await openAnomaly(env.database.db, seed.acme, index % seed.acme.siteIds.length));

    const answers: Answer[] = [];
    const updated: { interventionId: number; description: string }[] = [];
    const created: { interventionId: number; anomalyId: number }[] = [];
    const stopAt = Date.now() + RUN_MS;
    const send = async (method: string, path: string, body: unknown) => {
      const started = performance.now();
      const response = await env.rest(jsonRequest(method, path, manager, body));
      const payload = await response.json();
      answers.push({
        status: response.status,
        ms: performance.now() - started,
        retryAfter: response.headers.get("retry-after"),
        code: payload.code,
        detail: payload.detail,
      });
      return { status: response.status, payload };
    };

    const updater = async (interventionId: number) => {
      for (let serial = 0; Date.now() < stopAt; serial += 1) {
        const description = `Update ${interventionId}-${serial}`;
        const { status } = await send("PATCH", PATHS.preventive(interventionId), { description });
        if (status === 200) updated.push({ interventionId, description });
      }
    };
    const creator = async () => {
      while (Date.now() < stopAt) {
        const anomalyId = anomalies.pop();
        if (anomalyId === undefined) return;
        const { status, payload } = await send("POST", PATHS.curative, {
          scheduledStart: "2026-12-10T08:00:00.000Z",
          scheduledEnd: "2026-12-10T10:00:00.000Z",
          anomalyIds: [anomalyId],
          creationStatus: 0,
        });
        if (status === 201) created.push({ interventionId: payload.data.id, anomalyId });
      }
    };
    let lastCut: number[] = [];
    const terminator = async () => {
      let kills = 0;
      while (Date.now() < stopAt) {
        await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS));
        const killed = await admin<{ pid: number }[]>`
          select pid, pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
        kills += killed.length;
        lastCut = killed.map((row) => row.pid);
      }
      return kills;
    };

    const [kills] = await Promise.all([
      terminator(),
      ...targets.map(updater),
      ...Array.from({ length: CREATORS }, creator),
    ]);

    expect(kills).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(50);
    const unexpected = answers.filter((answer) => ![200, 201, 503].includes(answer.status));
    expect(unexpected.map(({ status, code, detail }) => ({ status, code, detail }))).toEqual([]);
    for (const answer of answers.filter((candidate) => candidate.status === 503)) {
      expect(answer.retryAfter).not.toBeNull();
      expect(["DATABASE_UNAVAILABLE", "REQUEST_TIMEOUT"]).toContain(answer.code);
    }
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(10_500);
    expect(updated.length + created.length).toBeGreaterThan(0);

    // pg_terminate_backend only signals: the last cut may still be landing on the pool's idle connections, and a
    // read sent on one of them now would fail. Read back once those backends are gone and their sockets closed.
    while (
      lastCut.length > 0 &&
      (await admin`select 1 from pg_stat_activity where pid in ${admin(lastCut)}`).length > 0
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Every acknowledged write is in the history (and the curatives hold their anomaly).
    const events = await env.database.db
      .select({ interventionId: interventionEvents.interventionId, changes: interventionEvents.changes })
      .from(interventionEvents)
      .where(inArray(interventionEvents.interventionId, targets));
    const recorded = new Set(events.map((event) => `${event.interventionId}:${event.changes.description?.to}`));
    for (const write of updated) expect(recorded).toContain(`${write.interventionId}:${write.description}`);
    for (const write of created) {
      const links = await env.database.db
        .select()
        .from(interventionAnomalies)
        .where(eq(interventionAnomalies.interventionId, write.interventionId));
      expect(links.map((link) => link.anomalyId)).toEqual([write.anomalyId]);
    }
    console.info(
      `connection loss: ${answers.length} requests, ${kills} backends terminated, ` +
        `${answers.filter((answer) => answer.status === 503).length} answered 503, ` +
        `${updated.length + created.length} acknowledged writes all found`,
    );
  }, 60_000);
});
