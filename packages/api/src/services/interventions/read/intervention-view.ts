import { type Executor, interventions, profiles, type Transaction } from "@interventions/db";
import type { InterventionProfileShaped, InterventionUserShaped } from "@interventions/domain";
import { and, eq, getTableColumns, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const assigned = alias(profiles, "assigned_profile");
const verifier = alias(profiles, "verifier_profile");
const creator = alias(profiles, "creator_profile");

/** An intervention row plus the users behind its profiles: what both documented shapes are made from. */
export type InterventionView = typeof interventions.$inferSelect & {
  assignedUserId: number | null;
  verifiedByUserId: number | null;
  createdByUserId: number | null;
};

/**
 * Interventions with the users behind their profiles: add the conditions, the order and the limit (and,
 * for a caller that needs them in the same round trip, more columns).
 */
export function selectInterventionViews<Extra extends Record<string, SQL.Aliased | SQL>>(db: Executor, extra?: Extra) {
  return db
    .select({
      ...getTableColumns(interventions),
      assignedUserId: assigned.userId,
      verifiedByUserId: verifier.userId,
      createdByUserId: creator.userId,
      ...(extra as Extra),
    })
    .from(interventions)
    .leftJoin(assigned, eq(assigned.id, interventions.assignedProfileId))
    .leftJoin(verifier, eq(verifier.id, interventions.verifiedByProfileId))
    .leftJoin(creator, eq(creator.id, interventions.createdByProfileId))
    .$dynamic();
}

/**
 * The view of an intervention this transaction just inserted, from its returned row and the users the write
 * already knows: the same columns the read gives, without reading it back.
 */
export function insertedView(
  row: typeof interventions.$inferSelect,
  users: { assignedUserId: number | null; createdByUserId: number | null },
): InterventionView {
  return { ...row, ...users, verifiedByUserId: null };
}

/**
 * The intervention as the organization sees it, or undefined: another organization's is not found, nor
 * one outside `scope` when a read gives it (read/scope.ts).
 */
export async function readInterventionView(
  db: Executor,
  organizationId: number,
  interventionId: number,
  scope?: SQL,
): Promise<InterventionView | undefined> {
  const [row] = await selectInterventionViews(db).where(
    and(
      eq(interventions.id, interventionId),
      eq(interventions.organizationId, organizationId),
      isNull(interventions.deletedAt),
      scope,
    ),
  );
  return row;
}

/** The view a write answers with, read in its transaction after its writes: what it commits, nothing later. */
export async function viewAfterWrite(tx: Transaction, organizationId: number, interventionId: number) {
  const view = await readInterventionView(tx, organizationId, interventionId);
  if (!view) throw new Error(`intervention ${interventionId} not readable in its own transaction`);
  return view;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function providerName(view: InterventionView): string | null {
  const name = [view.providerFirstName, view.providerLastName].filter(Boolean).join(" ");
  return name === "" ? null : name;
}

function head(view: InterventionView) {
  return {
    id: view.id,
    status: view.status,
    type: view.type,
    description: view.description,
    imgSignature: view.imgSignature,
    codePin: view.codePin,
    autoCreated: view.autoCreated,
    creationStatus: view.creationStatus,
    scheduledStart: view.scheduledStart.toISOString(),
    scheduledEnd: view.scheduledEnd.toISOString(),
    actualStart: iso(view.actualStart),
    actualEnd: iso(view.actualEnd),
    providerName: providerName(view),
    providerEmail: view.providerEmail,
    providerActionComment: view.providerActionComment,
    providerGeneralComment: view.providerGeneralComment,
    assignedCompanyContactId: view.assignedCompanyContactId,
  };
}

/** The shape of 000, 001, 003 and 004: people named by user id. */
export function toUserShaped(view: InterventionView): InterventionUserShaped {
  return {
    ...head(view),
    assignedUserId: view.assignedUserId,
    verifiedByUserId: view.verifiedByUserId,
    verifiedAt: iso(view.verifiedAt),
    decisionComment: view.decisionComment,
    attendeeCount: view.attendeeCount,
    routineId: view.routineId,
    organizationId: view.organizationId,
    createdByUserId: view.createdByUserId,
    archivedAt: iso(view.archivedAt),
    updatedAt: view.updatedAt.toISOString(),
    createdAt: view.createdAt.toISOString(),
  };
}

/** The shape of 002: people named by profile id, plus the planning fields. */
export function toProfileShaped(view: InterventionView): InterventionProfileShaped {
  return {
    ...head(view),
    assignedProfileId: view.assignedProfileId,
    verifiedById: view.verifiedByProfileId,
    verifiedAt: iso(view.verifiedAt),
    decisionComment: view.decisionComment,
    routineId: view.routineId,
    organizationId: view.organizationId,
    createdById: view.createdByProfileId,
    archivedAt: iso(view.archivedAt),
    updatedAt: view.updatedAt.toISOString(),
    createdAt: view.createdAt.toISOString(),
    companyId: view.companyId,
    negotiationEndDate: iso(view.negotiationEndDate),
    checkType: view.checkType,
    deletedAt: iso(view.deletedAt),
  };
}
