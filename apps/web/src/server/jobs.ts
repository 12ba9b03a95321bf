import { createJobEngine, type JobEngine } from "@interventions/api/runtime";
import { getDatabase } from "./database";
import { oncePerProcess } from "./once-per-process";

/** The process's job engine over its one database, started once: the handlers enqueue on it. */
export function getJobs(): Promise<JobEngine> {
  return oncePerProcess("jobs", async () => {
    const engine = createJobEngine({ database: await getDatabase() });
    await engine.start();
    return engine;
  });
}
