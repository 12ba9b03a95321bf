import { type Health, healthResponse } from "@interventions/api/runtime";
import { getRuntime } from "../../server/runtime";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise (also while the runtime cannot be opened). */
export async function GET(): Promise<Response> {
  const health = await getRuntime().then(
    (runtime) => runtime.health(),
    (): Health => ({ ok: false }),
  );
  return healthResponse(health);
}
