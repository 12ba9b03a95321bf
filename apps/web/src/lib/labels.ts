import {
  AnomalySeverity,
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  ObligationStatus,
  ProfileRole,
  RuleKind,
  WebhookEventType,
} from "@interventions/domain";
import { useTranslations } from "next-intl";

// Words for the numbers and codes the API speaks in: each enum's words are under `labels.<kind>`, keyed by
// the member's name (`labels.status.awaitingVerification`), so that both catalogues name every member.

export const ENUM_LABELS = {
  status: InterventionStatus,
  type: InterventionType,
  creationStatus: CreationStatus,
  role: ProfileRole,
  anomalyStatus: AnomalyStatus,
  severity: AnomalySeverity,
  ruleKind: RuleKind,
  obligation: ObligationStatus,
  webhookEvent: WebhookEventType,
  webhookDisabled: { byAdmin: "byAdmin", failing: "failing" },
  deliveryStatus: { pending: "pending", delivered: "delivered", failed: "failed" },
} as const;

export type LabelKind = keyof typeof ENUM_LABELS;

/** The actions of an intervention's history, and the fields a change may name, as the API gives them. */
export const HISTORY_ACTIONS = ["created", "updated", "verified", "started", "completed", "cancelled"] as const;
export const HISTORY_FIELDS = [
  "status",
  "description",
  "scheduledStart",
  "scheduledEnd",
  "actualStart",
  "actualEnd",
  "creationStatus",
  "assignedProfileId",
  "assignedCompanyContactId",
  "companyId",
  "siteRuleIds",
  "siteIds",
  "ruleId",
  "attendeeCount",
  "decisionComment",
  "verifiedByProfileId",
  "verifiedAt",
  "codePin",
] as const;

/** The member's name of a value of one of the enums, or undefined for a value added since. */
export function memberName(kind: LabelKind, value: number | string): string | undefined {
  return Object.entries(ENUM_LABELS[kind]).find(([, member]) => member === value)?.[0];
}

/**
 * `label("status", 4)` → "Awaiting verification" in the page's language; a value the dashboard does not know
 * yet shows as it is (`#9`).
 */
export function useLabels() {
  const t = useTranslations("labels");
  return (kind: LabelKind, value: number | string): string => {
    const name = memberName(kind, value);
    if (name === undefined) return typeof value === "number" ? `#${value}` : value;
    return t(`${kind}.${name}` as never);
  };
}

/**
 * The words of a history entry: its action and the fields it changed. An action or field the dashboard does not
 * know yet gets a neutral word, never the API's name for it (a schema field name means nothing to a reader).
 */
export function useHistoryLabels() {
  const t = useTranslations("labels");
  const known = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);
  return {
    action: (action: string) => (known(HISTORY_ACTIONS, action) ? t(`history.${action}`) : t("otherAction")),
    field: (field: string) => (known(HISTORY_FIELDS, field) ? t(`field.${field}`) : t("otherField")),
  };
}
