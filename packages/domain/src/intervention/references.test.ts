import { describe, expect, it } from "vitest";
import { AnomalyStatus } from "../anomaly/enums";
import { DomainError, ErrorCode } from "../errors";
import { RuleKind } from "../rule/enums";
import {
  type AnomalyFacts,
  assertAnomaliesRepairable,
  assertFound,
  assertIdsFound,
  assertRuleAppliesToSites,
  assertRuleKinds,
  missingIdIssues,
  type SiteRuleFacts,
  siteRulesCovering,
  uniqueIds,
} from "./references";

function thrown(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}

// Sites 1 and 2; rules 10 and 20 (checks), 30 (exercise). Site 1 has 10 and 30, site 2 has 20 and 30.
const SITE_RULES: SiteRuleFacts[] = [
  { id: 101, siteId: 1, ruleId: 10 },
  { id: 103, siteId: 1, ruleId: 30 },
  { id: 202, siteId: 2, ruleId: 20 },
  { id: 203, siteId: 2, ruleId: 30 },
];

describe("missingIdIssues / assertIdsFound / assertFound", () => {
  it("names each requested id that was not found by its index, in request order", () => {
    expect(missingIdIssues("siteIds", [1, 7, 2, 9], [1, 2], "site")).toEqual([
      { path: "siteIds.1", message: "Unknown site 7" },
      { path: "siteIds.3", message: "Unknown site 9" },
    ]);
    expect(missingIdIssues("siteIds", [1, 2], new Set([2, 1]), "site")).toEqual([]);
  });

  it("names every occurrence of a repeated missing id", () => {
    expect(missingIdIssues("ruleIds", [5, 5], [], "rule").map((issue) => issue.path)).toEqual([
      "ruleIds.0",
      "ruleIds.1",
    ]);
  });

  it("throws a VALIDATION_FAILED error carrying the issues, or nothing when all are found", () => {
    expect(() => assertIdsFound("anomalyIds", [1, 2], [2, 1], "anomaly")).not.toThrow();
    const error = thrown(() => assertIdsFound("anomalyIds", [1, 3], [1], "anomaly"));
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.issues).toEqual([{ path: "anomalyIds.1", message: "Unknown anomaly 3" }]);
    expect(error.message).toBe("anomalyIds.1: Unknown anomaly 3");
  });

  it("assertFound names the field without an index", () => {
    expect(() => assertFound("companyId", true, "company", 4)).not.toThrow();
    const error = thrown(() => assertFound("companyId", false, "company", 4));
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.issues).toEqual([{ path: "companyId", message: "Unknown company 4" }]);
  });
});

describe("uniqueIds", () => {
  it("drops repeats and keeps the first-seen order", () => {
    expect(uniqueIds([3, 1, 3, 2, 1])).toEqual([3, 1, 2]);
    expect(uniqueIds([])).toEqual([]);
  });
});

describe("assertRuleKinds", () => {
  const rules = [
    { id: 10, kind: RuleKind.check },
    { id: 30, kind: RuleKind.exercise },
  ];

  it("accepts rules of the expected kind", () => {
    expect(() => assertRuleKinds([10], rules, RuleKind.check, (i) => `ruleIds.${i}`)).not.toThrow();
    expect(() => assertRuleKinds([30], rules, RuleKind.exercise, () => "ruleId")).not.toThrow();
  });

  it("names each rule of the wrong kind, or unknown, at the path the caller chose", () => {
    const error = thrown(() => assertRuleKinds([10, 30, 99], rules, RuleKind.check, (i) => `ruleIds.${i}`));
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.issues).toEqual([
      { path: "ruleIds.1", message: "Rule 30 is not a check rule" },
      { path: "ruleIds.2", message: "Rule 99 is not a check rule" },
    ]);
    const drill = thrown(() => assertRuleKinds([10], rules, RuleKind.exercise, () => "ruleId"));
    expect(drill.issues).toEqual([{ path: "ruleId", message: "Rule 10 is not an exercise rule" }]);
  });
});

describe("siteRulesCovering", () => {
  it("returns the site rules joining the given sites and rules", () => {
    expect(siteRulesCovering([1], [10], SITE_RULES)).toEqual([101]);
    expect(siteRulesCovering([1, 2], [10, 20], SITE_RULES).sort()).toEqual([101, 202]);
  });

  it("ignores site rules of other sites or other rules", () => {
    expect(siteRulesCovering([2], [20, 30], SITE_RULES).sort()).toEqual([202, 203]);
    expect(siteRulesCovering([1], [10], [...SITE_RULES, { id: 999, siteId: 3, ruleId: 10 }])).toEqual([101]);
  });

  it("names a site that has none of the rules, and a rule that applies to none of the sites", () => {
    const error = thrown(() => siteRulesCovering([1, 2], [10], SITE_RULES));
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.issues).toEqual([{ path: "siteIds.1", message: "None of the given rules applies to site 2" }]);
    const rule = thrown(() => siteRulesCovering([1], [10, 20], SITE_RULES));
    expect(rule.issues).toEqual([{ path: "ruleIds.1", message: "Rule 20 applies to none of the given sites" }]);
  });

  it("reports both sides at once", () => {
    const error = thrown(() => siteRulesCovering([2], [10], SITE_RULES));
    expect(error.issues.map((issue) => issue.path)).toEqual(["siteIds.0", "ruleIds.0"]);
  });
});

describe("assertRuleAppliesToSites", () => {
  it("accepts a rule that every site has", () => {
    expect(() => assertRuleAppliesToSites(30, [1, 2], SITE_RULES, (index) => `siteIds.${index}`)).not.toThrow();
  });

  it("names each site the rule does not apply to, under the given path", () => {
    const error = thrown(() => assertRuleAppliesToSites(10, [1, 2], SITE_RULES, (index) => `siteIds.${index}`));
    expect(error.code).toBe(ErrorCode.validationFailed);
    expect(error.issues).toEqual([{ path: "siteIds.1", message: "Rule 10 does not apply to site 2" }]);
  });
});

describe("assertAnomaliesRepairable", () => {
  const open = (id: number): AnomalyFacts => ({ id, status: AnomalyStatus.open, activeCurativeId: null });

  it("accepts open anomalies that no undecided curative covers", () => {
    expect(() => assertAnomaliesRepairable([1, 2], [open(1), open(2)])).not.toThrow();
  });

  it("leaves unknown ids to the existence check", () => {
    expect(() => assertAnomaliesRepairable([1, 99], [open(1)])).not.toThrow();
  });

  it("refuses an anomaly covered by another curative with INVALID_STATE, naming it", () => {
    const covered = { id: 2, status: AnomalyStatus.inRepair, activeCurativeId: 40 };
    const error = thrown(() => assertAnomaliesRepairable([1, 2], [open(1), covered]));
    expect(error.code).toBe(ErrorCode.invalidState);
    expect(error.issues).toEqual([
      { path: "anomalyIds.1", message: "Anomaly 2 is already covered by intervention 40" },
    ]);
    expect(error.message).toBe("Anomaly 2 is already covered by intervention 40");
  });

  it("refuses an anomaly that is not open (closed, or in repair without a curative)", () => {
    const closed = { id: 3, status: AnomalyStatus.closed, activeCurativeId: null };
    const stuck = { id: 4, status: AnomalyStatus.inRepair, activeCurativeId: null };
    const error = thrown(() => assertAnomaliesRepairable([3, 4], [closed, stuck]));
    expect(error.code).toBe(ErrorCode.invalidState);
    expect(error.issues).toEqual([
      { path: "anomalyIds.0", message: "Anomaly 3 is not open" },
      { path: "anomalyIds.1", message: "Anomaly 4 is not open" },
    ]);
  });

  it("reports a covering curative before the status", () => {
    const both = { id: 5, status: AnomalyStatus.closed, activeCurativeId: 41 };
    const error = thrown(() => assertAnomaliesRepairable([5], [both]));
    expect(error.issues[0]?.message).toBe("Anomaly 5 is already covered by intervention 41");
  });
});
