import { type Executor, selectRows } from "@interventions/db";
import {
  AnomalyStatus,
  DONE_STATUSES,
  InterventionStatus,
  InterventionType,
  type LastDone,
  OPEN_STATUSES,
  type RuleKind,
} from "@interventions/domain";
import { sql } from "drizzle-orm";

/** What the database knows of one obligation (a rule on a site), before the domain says where it stands. */
export interface ObligationFacts {
  siteRuleId: number;
  siteId: number;
  siteName: string;
  ruleId: number;
  ruleCode: string;
  ruleName: string;
  ruleKind: RuleKind;
  periodicityMonths: number;
  lastDone: LastDone | null;
  nextIntervention: { id: number; scheduledStart: Date } | null;
  openAnomalyCount: number;
}

interface FactsRow {
  site_rule_id: number;
  site_id: number;
  site_name: string;
  rule_id: number;
  rule_code: string;
  rule_name: string;
  rule_kind: RuleKind;
  periodicity_months: number;
  last_done_ms: number | null;
  last_done_status: number | null;
  next_id: number | null;
  next_start_ms: number | null;
  open_anomalies: number;
}

const list = (values: readonly number[]) => sql.raw(values.join(", "));

/**
 * Every obligation of an organization (or of one site or rule) in one set-based query: the latest done
 * covering work (`doneAt` of the domain: actual end, else scheduled end), the earliest open one, and the
 * open anomalies. Covering work is a preventive linking the site rule or a drill of the rule on the site,
 * both found through their links' copy of the intervention (see the schema): four index lookups per site
 * rule, whatever the history.
 * Numbers come back as float8 so that both drivers return JavaScript numbers (ids are safe integers).
 */
export async function readObligationFacts(
  db: Executor,
  organizationId: number,
  filter: { siteId?: number | undefined; ruleId?: number | undefined },
): Promise<ObligationFacts[]> {
  const rows = await selectRows<FactsRow>(
    db,
    sql`
    with open_anomalies as (
      select site_rule_id, count(*) as open_count
      from anomalies
      where organization_id = ${organizationId} and status = ${AnomalyStatus.open} and site_rule_id is not null
      group by site_rule_id
    ),
    facts as (
      select sr.id as site_rule_id, sr.site_id, sr.rule_id,
        -- The latest of the site rule's done preventive (one index lookup on its links) and done drill.
        case when cd.done_at is null or (dd.done_at is not null and (dd.done_at, dd.id) > (cd.done_at, cd.id))
          then dd.done_at else cd.done_at end as done_at,
        case when cd.done_at is null or (dd.done_at is not null and (dd.done_at, dd.id) > (cd.done_at, cd.id))
          then dd.status else cd.status end as done_status,
        case when co.scheduled_start is null or (do_.scheduled_start is not null
            and (do_.scheduled_start, do_.id) < (co.scheduled_start, co.id))
          then do_.id else co.id end as next_id,
        case when co.scheduled_start is null or (do_.scheduled_start is not null
            and (do_.scheduled_start, do_.id) < (co.scheduled_start, co.id))
          then do_.scheduled_start else co.scheduled_start end as next_start
      from site_rules sr
      left join lateral (
        select l.intervention_id as id, l.done_at, l.status from intervention_site_rules l
        where l.site_rule_id = sr.id and l.live and l.status in (${list(DONE_STATUSES)})
        order by l.done_at desc nulls last, l.intervention_id desc nulls last limit 1
      ) cd on true
      left join lateral (
        select l.intervention_id as id, l.scheduled_start from intervention_site_rules l
        where l.site_rule_id = sr.id and l.live and l.status in (${list(OPEN_STATUSES)})
        order by l.scheduled_start, l.intervention_id limit 1
      ) co on true
      left join lateral (
        select s.intervention_id as id, s.done_at, s.status from intervention_sites s
        where s.site_id = sr.site_id and s.rule_key = sr.rule_id and s.organization_id = ${organizationId}
          and s.live and s.type = ${InterventionType.trainingExercise} and s.status in (${list(DONE_STATUSES)})
        order by s.done_at desc nulls last, s.intervention_id desc nulls last limit 1
      ) dd on true
      left join lateral (
        select s.intervention_id as id, s.scheduled_start from intervention_sites s
        where s.site_id = sr.site_id and s.rule_key = sr.rule_id and s.organization_id = ${organizationId}
          and s.live and s.type = ${InterventionType.trainingExercise} and s.status in (${list(OPEN_STATUSES)})
        order by s.scheduled_start, s.intervention_id limit 1
      ) do_ on true
      where sr.organization_id = ${organizationId}
        ${filter.siteId === undefined ? sql`` : sql`and sr.site_id = ${filter.siteId}`}
        ${filter.ruleId === undefined ? sql`` : sql`and sr.rule_id = ${filter.ruleId}`}
    )
    select f.site_rule_id::float8 as site_rule_id, s.id::float8 as site_id, s.name as site_name,
      r.id::float8 as rule_id, r.code as rule_code, r.name as rule_name, r.kind as rule_kind, r.periodicity_months,
      (extract(epoch from f.done_at) * 1000)::float8 as last_done_ms, f.done_status as last_done_status,
      f.next_id::float8 as next_id, (extract(epoch from f.next_start) * 1000)::float8 as next_start_ms,
      coalesce(oa.open_count, 0)::float8 as open_anomalies
    from facts f
    join sites s on s.id = f.site_id and s.archived_at is null
    join rules r on r.id = f.rule_id
    left join open_anomalies oa on oa.site_rule_id = f.site_rule_id
    order by f.site_rule_id`,
  );
  return rows.map((row) => ({
    siteRuleId: row.site_rule_id,
    siteId: row.site_id,
    siteName: row.site_name,
    ruleId: row.rule_id,
    ruleCode: row.rule_code,
    ruleName: row.rule_name,
    ruleKind: row.rule_kind,
    periodicityMonths: row.periodicity_months,
    lastDone:
      row.last_done_ms === null
        ? null
        : {
            at: new Date(row.last_done_ms),
            pendingVerification: row.last_done_status === InterventionStatus.awaitingVerification,
          },
    nextIntervention:
      row.next_id === null || row.next_start_ms === null
        ? null
        : { id: row.next_id, scheduledStart: new Date(row.next_start_ms) },
    openAnomalyCount: row.open_anomalies,
  }));
}
