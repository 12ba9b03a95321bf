import { openRuntime, type Runtime } from "@interventions/api/runtime";
import { env } from "../env";
import { forgetOpened, oncePerProcess } from "./once-per-process";

const key = "runtime";

/** The process's one composition root: every page, action, route and the instrumentation read from it. */
export function getRuntime(): Promise<Runtime> {
  return oncePerProcess(key, () => openRuntime(env));
}

/** Closes the runtime, if one was opened; the next getRuntime() opens a new one (tests, shutdown). */
export async function closeRuntime(): Promise<void> {
  const opening = forgetOpened<Runtime>(key);
  await opening?.then((runtime) => runtime.close()).catch(() => {});
}
