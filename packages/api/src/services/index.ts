// The verbs, for server-side callers in the apps (pages, server actions) that hold a ServiceContext.
export { listAnomalies } from "./anomalies/list-anomalies";
export { complianceOverview } from "./compliance/compliance-overview";
export { listObligations } from "./compliance/list-obligations";
export { listOptions } from "./directory/list-options";
export * from "./interventions";
export { listMembers } from "./members/list-members";
export { revokeMemberSessions } from "./members/revoke-member-sessions";
export * from "./notifications";
export { listRoutines } from "./routines/list-routines";
export { updateRoutine } from "./routines/update-routine";
export { describeSession } from "./session/describe-session";
export { getSiteRegister } from "./sites/get-site-register";
export { listSites } from "./sites/list-sites";
export type { Verb, VerbCall } from "./verb";
export { createWebhook } from "./webhooks/create-webhook";
export { listWebhookDeliveries } from "./webhooks/list-webhook-deliveries";
export { listWebhooks } from "./webhooks/list-webhooks";
export { setWebhookActive } from "./webhooks/set-webhook-active";
