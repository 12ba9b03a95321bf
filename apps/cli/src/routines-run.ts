import { parseArgs } from "node:util";
import { runRoutines } from "@interventions/api";
import { createJobEngine } from "@interventions/api/runtime";
import { databaseEnvSchema, parseEnv, startDatabase } from "@interventions/db";

const USAGE = `Usage:
  pnpm routines:run [--now <ISO-8601 UTC instant>] [--org <organization slug>]

Plans the next check of every routine whose obligation falls due within its lead time, once: a second run,
or one running beside it, plans nothing more. --now moves the clock (catching up, tests).`;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

const { values } = parseArgs({
  options: { now: { type: "string" }, org: { type: "string" }, help: { type: "boolean" } },
});
if (values.help) {
  console.info(USAGE);
  process.exit(0);
}
if (values.now !== undefined && !(ISO_UTC.test(values.now) && Number.isFinite(Date.parse(values.now)))) {
  console.error(`--now must be an ISO-8601 UTC instant such as 2027-01-15T08:00:00Z, not "${values.now}".\n\n${USAGE}`);
  process.exit(2);
}
const now = values.now === undefined ? new Date() : new Date(values.now);

const env = parseEnv(databaseEnvSchema, process.env);
// The same start as the app's: migrated, and the embedded default seeded on first use.
const database = await startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
const jobs = createJobEngine({ database });
try {
  await jobs.start();
  const runs = await runRoutines({ db: database.db, jobs }, { now, organizationSlug: values.org });
  for (const run of runs) {
    console.info(`${run.organization.slug}: ${run.planned} check(s) planned, ${run.reminded} reminder(s) given`);
  }
  console.info(`${runs.reduce((sum, run) => sum + run.planned, 0)} in all, as of ${now.toISOString()}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await jobs.stop();
  await database.close();
}
