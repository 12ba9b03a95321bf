import { AnomalyStatus } from "../anomaly/enums";
import { DomainError, ErrorCode, type FieldIssue, validationError } from "../errors";
import { RuleKind } from "../rule/enums";

// Pure checks that the ids a request names exist in the actor's organization and fit together.
// The caller loads what exists (already scoped to the organization) and passes it in; an id of
// another organization is therefore indistinguishable from an id that does not exist.

/** One issue per requested id that was not found, at `path.index`. */
export function missingIdIssues(path: string, requested: readonly number[], found: Iterable<number>, what: string) {
  const present = new Set(found);
  return requested.flatMap((id, index): FieldIssue[] =>
    present.has(id) ? [] : [{ path: `${path}.${index}`, message: `Unknown ${what} ${id}` }],
  );
}

export function assertIdsFound(
  path: string,
  requested: readonly number[],
  found: Iterable<number>,
  what: string,
): void {
  const issues = missingIdIssues(path, requested, found, what);
  if (issues.length > 0) throw validationError(issues);
}

export function assertFound(path: string, found: boolean, what: string, id: number): void {
  if (!found) throw validationError([{ path, message: `Unknown ${what} ${id}` }]);
}

export function uniqueIds(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

export interface RuleFacts {
  id: number;
  kind: RuleKind;
}

/** Checks are made against check rules, drills against exercise rules. `pathOf` names the field of each id. */
export function assertRuleKinds(
  ruleIds: readonly number[],
  rules: readonly RuleFacts[],
  kind: RuleKind,
  pathOf: (index: number) => string,
): void {
  const kindById = new Map(rules.map((rule) => [rule.id, rule.kind]));
  const expected = kind === RuleKind.check ? "a check" : "an exercise";
  const issues = ruleIds.flatMap((id, index): FieldIssue[] =>
    kindById.get(id) === kind ? [] : [{ path: pathOf(index), message: `Rule ${id} is not ${expected} rule` }],
  );
  if (issues.length > 0) throw validationError(issues);
}

export interface SiteRuleFacts {
  id: number;
  siteId: number;
  ruleId: number;
}

/**
 * An unplanned check names sites and rules: every site must have at least one of the rules and every
 * rule apply to at least one of the sites. Returns the site rules the intervention checks.
 */
export function siteRulesCovering(
  siteIds: readonly number[],
  ruleIds: readonly number[],
  siteRules: readonly SiteRuleFacts[],
): number[] {
  const relevant = siteRules.filter((sr) => siteIds.includes(sr.siteId) && ruleIds.includes(sr.ruleId));
  const issues: FieldIssue[] = [
    ...siteIds.flatMap((siteId, index) =>
      relevant.some((sr) => sr.siteId === siteId)
        ? []
        : [{ path: `siteIds.${index}`, message: `None of the given rules applies to site ${siteId}` }],
    ),
    ...ruleIds.flatMap((ruleId, index) =>
      relevant.some((sr) => sr.ruleId === ruleId)
        ? []
        : [{ path: `ruleIds.${index}`, message: `Rule ${ruleId} applies to none of the given sites` }],
    ),
  ];
  if (issues.length > 0) throw validationError(issues);
  return relevant.map((sr) => sr.id);
}

/** A drill's rule must apply to each of its sites. `pathOf` names the field the error points at. */
export function assertRuleAppliesToSites(
  ruleId: number,
  siteIds: readonly number[],
  siteRules: readonly SiteRuleFacts[],
  pathOf: (index: number) => string,
): void {
  const issues = siteIds.flatMap((siteId, index): FieldIssue[] =>
    siteRules.some((sr) => sr.siteId === siteId && sr.ruleId === ruleId)
      ? []
      : [{ path: pathOf(index), message: `Rule ${ruleId} does not apply to site ${siteId}` }],
  );
  if (issues.length > 0) throw validationError(issues);
}

export interface AnomalyFacts {
  id: number;
  status: AnomalyStatus;
  /** The undecided curative intervention that already covers it, if any. */
  activeCurativeId: number | null;
}

/** A curative takes only open anomalies that no other undecided curative covers. */
export function assertAnomaliesRepairable(anomalyIds: readonly number[], anomalies: readonly AnomalyFacts[]): void {
  const byId = new Map(anomalies.map((anomaly) => [anomaly.id, anomaly]));
  const issues = anomalyIds.flatMap((id, index): FieldIssue[] => {
    const anomaly = byId.get(id);
    if (!anomaly) return [];
    if (anomaly.activeCurativeId !== null) {
      return [
        {
          path: `anomalyIds.${index}`,
          message: `Anomaly ${id} is already covered by intervention ${anomaly.activeCurativeId}`,
        },
      ];
    }
    if (anomaly.status !== AnomalyStatus.open)
      return [{ path: `anomalyIds.${index}`, message: `Anomaly ${id} is not open` }];
    return [];
  });
  if (issues.length > 0) {
    throw new DomainError(ErrorCode.invalidState, issues[0]?.message ?? "Anomalies not repairable", issues);
  }
}
