import { interventions, type Transaction } from "@interventions/db";
import { DomainError, ErrorCode, type InterventionType } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";

export type InterventionRow = typeof interventions.$inferSelect;

/**
 * Locks the intervention for the rest of the transaction. Not found when it belongs to another
 * organization, is deleted, or is not of the type the path is for: none of these is revealed. With
 * `expectedVersions` (a conditional update), refused unless it is still at one of them: checked under the
 * lock, so two updates made from the same version cannot both pass.
 */
export async function lockIntervention(
  tx: Transaction,
  organizationId: number,
  interventionId: number,
  options: { type?: InterventionType; expectedVersions?: readonly number[] | undefined } = {},
): Promise<InterventionRow> {
  const { type, expectedVersions } = options;
  const [row] = await tx
    .select()
    .from(interventions)
    .where(
      and(
        eq(interventions.id, interventionId),
        eq(interventions.organizationId, organizationId),
        isNull(interventions.deletedAt),
      ),
    )
    .for("update");
  if (!row || (type !== undefined && row.type !== type)) {
    throw new DomainError(ErrorCode.notFound, `Intervention ${interventionId} not found`);
  }
  if (expectedVersions && !expectedVersions.includes(row.version)) {
    throw new DomainError(
      ErrorCode.preconditionFailed,
      `Intervention ${interventionId} changed since it was read (it is at version ${row.version}): read it again`,
    );
  }
  return row;
}
