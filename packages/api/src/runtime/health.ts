import { type DatabaseHandle, type DatabaseKind, isDatabaseReachable } from "@interventions/db";

export type Health = { ok: true; database: DatabaseKind } | { ok: false };

/** Whether the process's database answers, for /health. */
export async function checkDatabaseHealth({ db, kind }: DatabaseHandle): Promise<Health> {
  return (await isDatabaseReachable(db)) ? { ok: true, database: kind } : { ok: false };
}

/** 200 when the database answers, 503 otherwise: what a load balancer or an orchestrator polls. */
export function healthResponse(health: Health): Response {
  const headers = { "cache-control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: health.database }, { headers });
  return Response.json({ status: "unavailable" }, { status: 503, headers });
}
