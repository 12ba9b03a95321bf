import { checkHealth } from "../../server/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise: what a load balancer or an orchestrator polls. */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  const health = await checkHealth();
  if (health.ok) return Response.json({ status: "ok", database: health.database }, { headers });
  return Response.json({ status: "unavailable" }, { status: 503, headers });
}
