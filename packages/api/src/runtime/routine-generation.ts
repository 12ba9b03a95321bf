import type { WriteDeps } from "../context";
import type { JobEngine, Worker } from "../jobs/job-engine";
import { Queue } from "../jobs/job-queue";
import { runRoutines } from "../services/compliance/plan-due-checks";

/** Every five minutes: a check is planned within minutes of its lead time starting. */
export const ROUTINES_CRON = "*/5 * * * *";

/**
 * Runs the routine generator on this engine: the schedule (registered by every process, sent once per tick)
 * puts a pass on the queue, and one of the processes working it runs the pass.
 */
export async function generateRoutines(
  engine: JobEngine,
  deps: WriteDeps,
  log: (message: string) => void = console.info,
): Promise<Worker> {
  await engine.schedule(Queue.routines, ROUTINES_CRON);
  return engine.work(Queue.routines, {
    async run() {
      const runs = await runRoutines(deps, { now: new Date() });
      const planned = runs.filter((run) => run.planned > 0);
      if (planned.length > 0) {
        log(
          `Routines planned ${planned.map((run) => `${run.planned} check(s) for ${run.organization.slug}`).join(", ")}.`,
        );
      }
    },
  });
}
