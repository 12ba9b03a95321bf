import { interventions, linkSiteRules, linkSites, type Transaction } from "@interventions/db";
import {
  type CreationStatus,
  InterventionType,
  interventionEventTypes,
  needsCodePin,
  statusForCreationStatus,
  uniqueIds,
} from "@interventions/domain";
import type { WriteContext } from "../../../context";
import { announceInterventionChanges } from "../../webhooks/announce";
import { HistoryAction, recordEvents } from "../history/record-event";
import type { SiteRuleRecord } from "../lookups/organization-records";
import type { ContactFacts, ProfileFacts } from "../lookups/people";
import { tellCreated } from "../notify/who-is-told";
import { newCodePin } from "./code-pin";

export interface PlannedPreventive {
  siteRules: readonly SiteRuleRecord[];
  scheduledStart: Date;
  scheduledEnd: Date;
  creationStatus: CreationStatus;
  description: string | null;
  contact: ContactFacts | undefined;
  profile: ProfileFacts | undefined;
  /** Set when a routine plans it: the occurrence it plans, unique per routine (see the generator). */
  routine?: { id: number; dueAt: Date };
}

/**
 * Inserts planned preventive checks of some site rules, with their links, history, notices and webhook
 * events, in the caller's transaction, in a few statements whatever their number. Returns each plan's new id, or null when
 * its routine's occurrence was already planned: the unique key, not a read before the write, is what makes
 * a routine plan each occurrence once.
 */
export async function insertPlannedPreventives(
  tx: Transaction,
  ctx: WriteContext,
  plans: readonly PlannedPreventive[],
): Promise<(number | null)[]> {
  if (plans.length === 0) return [];
  const inserted = await tx
    .insert(interventions)
    .values(plans.map((plan) => rowOf(ctx, plan)))
    .onConflictDoNothing({ target: [interventions.routineId, interventions.routineDueAt] })
    .returning();
  const created = matchRows(plans, inserted);

  await linkSiteRules(
    tx,
    created.flatMap(({ plan, row }) =>
      uniqueIds(plan.siteRules.map((siteRule) => siteRule.id)).map((siteRuleId) => ({
        interventionId: row.id,
        siteRuleId,
      })),
    ),
  );
  await linkSites(
    tx,
    created.flatMap(({ plan, row }) =>
      uniqueIds(plan.siteRules.map((siteRule) => siteRule.siteId)).map((siteId) => ({
        interventionId: row.id,
        siteId,
      })),
    ),
  );
  await recordEvents(
    tx,
    ctx,
    created.map(({ row }) => row.id),
    HistoryAction.created,
  );
  await tellCreated(
    tx,
    ctx,
    created.map(({ plan, row }) => ({
      intervention: row,
      assignees: { contact: plan.contact, profile: plan.profile },
    })),
  );
  await announceInterventionChanges(
    tx,
    ctx,
    created.map(({ plan, row }) => ({
      interventionId: row.id,
      types: interventionEventTypes({ action: "created", byRoutine: plan.routine !== undefined, status: row.status }),
    })),
  );
  const idOf = new Map(created.map(({ plan, row }) => [plan, row.id] as const));
  return plans.map((plan) => idOf.get(plan) ?? null);
}

function rowOf(ctx: WriteContext, plan: PlannedPreventive): typeof interventions.$inferInsert {
  const status = statusForCreationStatus(plan.creationStatus);
  return {
    organizationId: ctx.actor.organizationId,
    type: InterventionType.preventive,
    status,
    creationStatus: plan.creationStatus,
    description: plan.description,
    codePin: needsCodePin(status) ? newCodePin() : null,
    autoCreated: plan.routine !== undefined,
    routineId: plan.routine?.id ?? null,
    routineDueAt: plan.routine?.dueAt ?? null,
    scheduledStart: plan.scheduledStart,
    scheduledEnd: plan.scheduledEnd,
    companyId: plan.contact?.companyId ?? null,
    assignedCompanyContactId: plan.contact?.id ?? null,
    assignedProfileId: plan.profile?.id ?? null,
    createdByProfileId: ctx.actor.profileId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

/**
 * Each inserted row with its plan. A routine's is found by the routine (an occurrence already planned left
 * no row); the others cannot conflict, so every one came back, in the order of the values.
 */
function matchRows<Row extends { routineId: number | null }>(
  plans: readonly PlannedPreventive[],
  rows: readonly Row[],
) {
  const byRoutine = new Map<number, PlannedPreventive>();
  const unplanned: PlannedPreventive[] = [];
  for (const plan of plans) {
    if (!plan.routine) unplanned.push(plan);
    else if (byRoutine.has(plan.routine.id)) throw new Error(`routine ${plan.routine.id} planned twice in one pass`);
    else byRoutine.set(plan.routine.id, plan);
  }
  let next = 0;
  return rows.map((row) => {
    const plan = row.routineId === null ? unplanned[next++] : byRoutine.get(row.routineId);
    if (!plan) throw new Error("an inserted preventive matches no plan");
    return { plan, row };
  });
}
