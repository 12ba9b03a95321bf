import type { BenchConfig } from "./config";

// Ids of the generated dataset are computed, not looked up: the SQL that writes them and the load
// generator that names them share these formulas.

export const ROLES = ["admin", "manager", "viewer", "technician"] as const;
export const RULES = [
  { code: "EXT", name: "Fire extinguishers", kind: 1, months: 12 },
  { code: "ALARM", name: "Fire alarm system", kind: 1, months: 3 },
  { code: "EMLIGHT", name: "Emergency lighting", kind: 1, months: 12 },
  { code: "ELEC", name: "Electrical installations", kind: 1, months: 12 },
  { code: "SMOKE", name: "Smoke extraction", kind: 1, months: 12 },
  { code: "EVAC", name: "Evacuation drill", kind: 2, months: 6 },
] as const;
export const CHECK_RULES = 5;

/** Anomaly ids of the pools, above those of the dataset's curatives (which reuse their intervention's id). */
export const REST_ANOMALY_BASE = 20_000_000;
export const PGBENCH_ANOMALY_BASE = 30_000_000;

export const userId = (org: number, role: number) => (org - 1) * ROLES.length + role;
export const profileId = userId;
export const managerProfile = (org: number) => profileId(org, 2);
export const technicianProfile = (org: number) => profileId(org, 4);
export const companyId = (org: number, index: number) => (org - 1) * 2 + index;
export const contactId = (company: number, index: number) => (company - 1) * 2 + index;
/** The technician is the first contact of the organization's first company. */
export const technicianContact = (org: number) => contactId(companyId(org, 1), 1);
export const ruleId = (org: number, index: number) => (org - 1) * RULES.length + index;
export const siteId = (config: BenchConfig, org: number, index: number) =>
  (org - 1) * config.sitesPerOrganization + index;
export const siteRuleId = (site: number, ruleIndex: number) => (site - 1) * RULES.length + ruleIndex;

/**
 * Interventions per organization, uneven like real customers (a few large property managers, many
 * small sites): weight 1/rank^0.7. Returns each organization's [first, last] id.
 */
export function interventionRanges(config: BenchConfig): [number, number][] {
  const weights = Array.from({ length: config.organizations }, (_, index) => 1 / (index + 1) ** 0.7);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const ranges: [number, number][] = [];
  let next = 1;
  weights.forEach((weight, index) => {
    const last =
      index === weights.length - 1
        ? config.interventions
        : next + Math.round((config.interventions * weight) / total) - 1;
    ranges.push([next, last]);
    next = last + 1;
  });
  return ranges;
}
