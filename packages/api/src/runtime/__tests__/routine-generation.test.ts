import { interventions, selectRows } from "@interventions/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Worker } from "../../jobs/job-engine";
import { Queue } from "../../jobs/job-queue";
import { freshRoutine, freshRoutineOrganization } from "../../services/compliance/__tests__/routine-fixture";
import { type ApiTestEnv, createApiTestEnv } from "../../testing";
import { generateRoutines, ROUTINES_CRON } from "../routine-generation";

// The generator as background work: registered on the engine's schedule, and a pass on the queue plans
// what is due, at the real clock.

const DAY = 86_400_000;
let env: ApiTestEnv;
let worker: Worker;
const logged: string[] = [];

beforeAll(async () => {
  env = await createApiTestEnv();
  worker = await generateRoutines(env.jobs, env.services, (message) => logged.push(message));
});
afterAll(async () => {
  await worker?.stop();
  await env?.close();
});

it("is on the engine's schedule, every five minutes", async () => {
  const schedules = await selectRows<{ name: string; cron: string }>(
    env.database.db,
    // pg-boss's own table, in the schema the engine was given.
    sql`select name, cron from jobs.schedule`,
  );
  expect(schedules).toEqual([{ name: Queue.routines, cron: ROUTINES_CRON }]);
});

it("plans the due checks when a pass comes off the queue, and says how many", async () => {
  const organization = await freshRoutineOrganization(env.database.db);
  const routine = await freshRoutine(env.database.db, organization, {
    periodicityMonths: 12,
    firstDueAt: new Date(Date.now() + 10 * DAY),
  });
  await env.database.db.transaction((tx) => env.jobs.enqueue(tx, Queue.routines, [{}]));
  await expect
    .poll(
      async () =>
        (await env.database.db.select().from(interventions).where(eq(interventions.routineId, routine.routineId)))
          .length,
      { timeout: 20_000, interval: 100 },
    )
    .toBe(1);
  await expect.poll(() => logged.join("\n"), { timeout: 5_000 }).toContain(`1 check(s) for ${organization.slug}`);
});
