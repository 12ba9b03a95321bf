import { interventions } from "@interventions/db";
import {
  InterventionStatus,
  localDayStart,
  localWeek,
  ObligationStatus,
  OPEN_STATUSES,
  Operation,
  ProfileRole,
  roleAllows,
} from "@interventions/domain";
import { asc, eq, gte, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { ServiceContext } from "../../context";
import { type Obligation, readObligations } from "../compliance/obligations";
import { organizationCalendar } from "../compliance/organization-calendar";
import { defineVerb, noInput } from "../verb";
import { HOME_SECTION_ROWS, type HomeIntervention, type HomeSection, interventionSection } from "./home-section";

/** How far ahead unassigned work is looked for. */
export const UNASSIGNED_WITHIN_DAYS = 14;

const I = interventions;
const S = InterventionStatus;

/**
 * What needs attention, for the home page: each section the actor's role has a use for (null otherwise),
 * with its count and its first rows, most urgent first, within what the actor may see. Periods are the
 * organization's days and its week (Monday to Monday).
 */
export const homeOverview = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const { role } = ctx.actor;
  const { timeZone } = await organizationCalendar(ctx.db, ctx.actor.organizationId);
  const today = localDayStart(ctx.now, timeZone);
  const week = localWeek(ctx.now, timeZone);
  const unassignedUntil = localDayStart(ctx.now, timeZone, UNASSIGNED_WITHIN_DAYS);
  const tomorrowEnd = localDayStart(ctx.now, timeZone, 2);
  const provider = role === ProfileRole.provider;

  const [obligations, verifications, unassigned, thisWeek, mine] = await Promise.all([
    roleAllows(role, Operation.readCompliance) ? obligationsSection(ctx) : null,
    roleAllows(role, Operation.verify)
      ? interventionSection(ctx, [eq(I.status, S.awaitingVerification)], [asc(I.scheduledEnd), asc(I.id)])
      : null,
    provider
      ? null
      : interventionSection(ctx, [
          inArray(I.status, [...OPEN_STATUSES]),
          isNull(I.assignedCompanyContactId),
          isNull(I.assignedProfileId),
          gte(I.scheduledStart, today),
          lt(I.scheduledStart, unassignedUntil),
        ]),
    interventionSection(ctx, [
      ne(I.status, S.cancelled),
      gte(I.scheduledStart, week.start),
      lt(I.scheduledStart, week.end),
    ]),
    provider ? assignedToActor(ctx, today, tomorrowEnd) : null,
  ]);
  return {
    timeZone,
    periods: { today, unassignedUntil, tomorrowEnd, weekStart: week.start, weekEnd: week.end },
    obligations,
    verifications,
    unassigned,
    week: thisWeek,
    mine,
  };
});

/** A technician's own work (their profile or their contact) starting today or tomorrow. */
function assignedToActor(ctx: ServiceContext, from: Date, to: Date): Promise<HomeSection<HomeIntervention>> {
  const { profileId, companyContactId } = ctx.actor;
  return interventionSection(ctx, [
    ne(I.status, S.cancelled),
    or(
      eq(I.assignedProfileId, profileId),
      companyContactId === null ? undefined : eq(I.assignedCompanyContactId, companyContactId),
    ),
    gte(I.scheduledStart, from),
    lt(I.scheduledStart, to),
  ]);
}

export interface HomeObligation {
  siteRuleId: number;
  siteId: number;
  siteName: string;
  ruleName: string;
  status: ObligationStatus;
  dueAt: string | null;
  nextInterventionId: number | null;
}

/** Overdue obligations, then those due within the warning window, each by due date: the engine's own status. */
async function obligationsSection(
  ctx: ServiceContext,
): Promise<{ overdue: number; dueSoon: number; items: HomeObligation[] }> {
  const all = await readObligations(ctx.db, ctx.actor.organizationId, {}, ctx.now);
  const rank = (obligation: Obligation) => (obligation.status === ObligationStatus.overdue ? 0 : 1);
  const urgent = all
    .filter(
      (obligation) => obligation.status === ObligationStatus.overdue || obligation.status === ObligationStatus.dueSoon,
    )
    .sort((a, b) => rank(a) - rank(b) || (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0));
  return {
    overdue: urgent.filter((obligation) => obligation.status === ObligationStatus.overdue).length,
    dueSoon: urgent.filter((obligation) => obligation.status === ObligationStatus.dueSoon).length,
    items: urgent.slice(0, HOME_SECTION_ROWS).map((obligation) => ({
      siteRuleId: obligation.siteRuleId,
      siteId: obligation.siteId,
      siteName: obligation.siteName,
      ruleName: obligation.ruleName,
      status: obligation.status,
      dueAt: obligation.dueAt?.toISOString() ?? null,
      nextInterventionId: obligation.nextIntervention?.id ?? null,
    })),
  };
}
