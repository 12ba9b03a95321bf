import { type DatabaseKind, isDatabaseReachable } from "@interventions/db";
import { getDatabase } from "./database";

export type Health = { ok: true; database: DatabaseKind } | { ok: false };

export async function checkHealth(): Promise<Health> {
  try {
    const { db, kind } = await getDatabase();
    return (await isDatabaseReachable(db)) ? { ok: true, database: kind } : { ok: false };
  } catch {
    // The reason is in the start-up log; a health probe needs only the verdict.
    return { ok: false };
  }
}
