import { checkDatabaseHealth, type Health } from "@interventions/api/runtime";
import { getDatabase } from "./database";

export type { Health };

export function checkHealth(): Promise<Health> {
  return checkDatabaseHealth(getDatabase);
}
