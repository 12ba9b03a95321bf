import { interventions, type Transaction } from "@interventions/db";
import { DomainError, ErrorCode, type InterventionType } from "@interventions/domain";
import { and, eq, isNull } from "drizzle-orm";

export type InterventionRow = typeof interventions.$inferSelect;

/**
 * Locks the intervention for the rest of the transaction. Not found when it belongs to another
 * organization, is deleted, or is not of the type the path is for: none of these is revealed.
 */
export async function lockIntervention(
  tx: Transaction,
  organizationId: number,
  interventionId: number,
  type?: InterventionType,
): Promise<InterventionRow> {
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
  return row;
}
