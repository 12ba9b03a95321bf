import type { ParameterOrJSON, Sql } from "postgres";
import type { Ack } from "./endpoints";

export interface WriteCheck {
  what: string;
  acknowledged: number;
  found: number;
  /** Rows beyond those acknowledged: duplicates, or writes answered with an error. */
  extra: number;
}

/**
 * Every acknowledged write is in the database, once: created rows exist and no more were created than
 * acknowledged; updates carry the acknowledged value with one history event each; verifications decided.
 */
export async function verifyWrites(sql: Sql, acks: Ack[], firstNewId: number): Promise<WriteCheck[]> {
  const of = (key: Ack["endpoint"]) => acks.filter((ack) => ack.endpoint === key);
  const count = async (query: string, params: ParameterOrJSON<never>[]) =>
    Number((await sql.unsafe<{ count: string }[]>(query, params))[0]?.count ?? 0);
  const checks: WriteCheck[] = [];

  for (const [key, type] of [
    ["unplanned", 1],
    ["curative", 2],
  ] as const) {
    const ids = of(key).map((ack) => ack.interventionId);
    const found = await count("select count(*) from interventions where id = any($1::bigint[]) and type = $2", [
      ids,
      type,
    ]);
    const created = await count(
      "select count(*) from interventions where id >= $1 and type = $2 and created_by_profile_id is not null",
      [firstNewId, type],
    );
    checks.push({
      what: `${key}: created rows`,
      acknowledged: ids.length,
      found,
      extra: created - found + (ids.length - new Set(ids).size),
    });
  }

  const anomalies = of("curative").map((ack) => ack.anomalyId ?? 0);
  const held = await count(
    "select count(*) from anomalies a join intervention_anomalies l on l.anomaly_id = a.id where a.id = any($1::bigint[]) and a.status = 2",
    [anomalies],
  );
  checks.push({
    what: "curative: anomalies held once",
    acknowledged: anomalies.length,
    found: Math.min(held, anomalies.length),
    extra: Math.max(0, held - anomalies.length),
  });

  for (const key of ["preventive", "training"] as const) {
    const updates = of(key);
    const ids = updates.map((ack) => ack.interventionId);
    const found = await count(
      "select count(*) from interventions i join unnest($1::bigint[], $2::text[]) as a(id, description) on i.id = a.id where i.description = a.description",
      [ids, updates.map((ack) => ack.description ?? "")],
    );
    const events = await count(
      "select count(*) from intervention_events where action = 'updated' and intervention_id = any($1::bigint[])",
      [ids],
    );
    checks.push({
      what: `${key}: updates applied, one event each`,
      acknowledged: ids.length,
      found,
      extra: events - ids.length,
    });
  }

  const verified = of("verify").map((ack) => ack.interventionId);
  const decided = await count(
    "select count(*) from interventions where id = any($1::bigint[]) and status = 5 and verified_at is not null",
    [verified],
  );
  const events = await count(
    "select count(*) from intervention_events where action = 'verified' and intervention_id = any($1::bigint[])",
    [verified],
  );
  checks.push({
    what: "verify: accepted, one event each",
    acknowledged: verified.length,
    found: decided,
    extra: events - verified.length,
  });
  return checks;
}
