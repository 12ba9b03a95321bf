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

// Words for the numbers the API speaks in.

export const STATUS_LABELS: Record<InterventionStatus, string> = {
  [InterventionStatus.toSchedule]: "To schedule",
  [InterventionStatus.scheduled]: "Scheduled",
  [InterventionStatus.inProgress]: "In progress",
  [InterventionStatus.awaitingVerification]: "Awaiting verification",
  [InterventionStatus.accepted]: "Accepted",
  [InterventionStatus.rejected]: "Rejected",
  [InterventionStatus.cancelled]: "Cancelled",
};

export const TYPE_LABELS: Record<InterventionType, string> = {
  [InterventionType.preventive]: "Preventive check",
  [InterventionType.curative]: "Curative repair",
  [InterventionType.trainingExercise]: "Training exercise",
};

export const CREATION_STATUS_LABELS: Record<CreationStatus, string> = {
  [CreationStatus.toScheduled]: "To schedule (tentative dates)",
  [CreationStatus.scheduled]: "Scheduled (dates confirmed)",
  [CreationStatus.done]: "Done",
};

export const ROLE_LABELS: Record<ProfileRole, string> = {
  [ProfileRole.admin]: "Administrator",
  [ProfileRole.manager]: "Safety manager",
  [ProfileRole.viewer]: "Viewer",
  [ProfileRole.provider]: "Provider technician",
};

export const ANOMALY_STATUS_LABELS: Record<AnomalyStatus, string> = {
  [AnomalyStatus.open]: "Open",
  [AnomalyStatus.inRepair]: "In repair",
  [AnomalyStatus.closed]: "Closed",
};

export const SEVERITY_LABELS: Record<AnomalySeverity, string> = {
  [AnomalySeverity.minor]: "Minor",
  [AnomalySeverity.major]: "Major",
  [AnomalySeverity.critical]: "Critical",
};

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  [RuleKind.check]: "Periodic check",
  [RuleKind.exercise]: "Exercise",
};

export const OBLIGATION_LABELS: Record<ObligationStatus, string> = {
  [ObligationStatus.overdue]: "Overdue",
  [ObligationStatus.dueSoon]: "Due soon",
  [ObligationStatus.neverDone]: "Never done",
  [ObligationStatus.compliant]: "Compliant",
};

export const HISTORY_LABELS: Record<string, string> = {
  created: "Created",
  updated: "Updated",
  verified: "Verified",
};

/** The fields a history entry may name, in words. */
export const FIELD_LABELS: Record<string, string> = {
  status: "Status",
  description: "Description",
  scheduledStart: "Scheduled start",
  scheduledEnd: "Scheduled end",
  actualStart: "Actual start",
  actualEnd: "Actual end",
  creationStatus: "Creation status",
  assignedProfileId: "Assigned user",
  assignedCompanyContactId: "Assigned provider contact",
  siteRuleIds: "Site rules",
  siteIds: "Sites",
  ruleId: "Rule",
  attendeeCount: "Attendees",
  decisionComment: "Decision comment",
  verifiedByProfileId: "Verified by",
  verifiedAt: "Verified at",
  codePin: "Code PIN",
};

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  [WebhookEventType.created]: "Intervention created",
  [WebhookEventType.updated]: "Intervention changed",
  [WebhookEventType.generated]: "Intervention planned by a routine",
  [WebhookEventType.completed]: "Intervention done, awaiting verification",
  [WebhookEventType.verified]: "Intervention accepted or rejected",
  [WebhookEventType.overdue]: "Obligation overdue",
};

export const WEBHOOK_DISABLED_LABELS: Record<"byAdmin" | "failing", string> = {
  byAdmin: "Turned off by an admin",
  failing: "Every delivery failed for three days",
};

export const DELIVERY_STATUS_LABELS: Record<"pending" | "delivered" | "failed", string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
};

/** Words for a string the API speaks in; an unknown one (a type added later) as it is. */
export function wordFor(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}

export function label<K extends number>(labels: Record<K, string>, value: number): string {
  return labels[value as K] ?? `#${value}`;
}
