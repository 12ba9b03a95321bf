import { type DatabaseHandle, type DatabaseKind, isDatabaseReachable } from "@interventions/db";

export type Health = { ok: true; database: DatabaseKind } | { ok: false };

/** Whether the process's database answers, for /health. */
export async function checkDatabaseHealth(getDatabase: () => Promise<DatabaseHandle>): Promise<Health> {
  try {
    const { db, kind } = await getDatabase();
    return (await isDatabaseReachable(db)) ? { ok: true, database: kind } : { ok: false };
  } catch {
    // The reason is in the start-up log; a health probe needs only the verdict.
    return { ok: false };
  }
}

/** 200 when the database answers, 503 otherwise: what a load balancer or an orchestrator polls. */
export function healthResponse(health: Health): Response {
  const headers = { "cache-control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: health.database }, { headers });
  return Response.json({ status: "unavailable" }, { status: 503, headers });
}
