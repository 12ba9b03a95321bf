import { DONE_STATUSES, InterventionStatus, InterventionType, OPEN_STATUSES } from "@interventions/domain";
import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { anomalies } from "./anomalies";
import { at, enumColumn, ref } from "./columns";
import { interventions } from "./interventions";
import { organizationIdColumn } from "./organizations";
import { siteRules } from "./site-rules";
import { sites } from "./sites";

const DONE = sql.raw(DONE_STATUSES.join(", "));
const OPEN = sql.raw(OPEN_STATUSES.join(", "));
const TRAINING_EXERCISE = sql.raw(String(InterventionType.trainingExercise));

const interventionRef = () =>
  ref()
    .notNull()
    .references(() => interventions.id, { onDelete: "cascade" });

/**
 * The site rules a preventive intervention checks. What an obligation needs of the intervention (status,
 * dates, not deleted) is copied here, so that a site rule's latest done and next open check are one index
 * lookup each; the foreign key on those columns makes PostgreSQL refuse a wrong copy and carry every change.
 */
export const interventionSiteRules = pgTable(
  "intervention_site_rules",
  {
    interventionId: interventionRef(),
    siteRuleId: ref()
      .notNull()
      .references(() => siteRules.id),
    status: enumColumn(InterventionStatus).notNull(),
    scheduledStart: at().notNull(),
    doneAt: at().notNull(),
    live: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.siteRuleId] }),
    index().on(t.siteRuleId),
    foreignKey({
      name: "intervention_site_rules_coverage_fk",
      columns: [t.interventionId, t.status, t.scheduledStart, t.doneAt, t.live],
      foreignColumns: [
        interventions.id,
        interventions.status,
        interventions.scheduledStart,
        interventions.doneAt,
        interventions.live,
      ],
    })
      .onUpdate("cascade")
      .onDelete("cascade"),
    index("intervention_site_rules_done_idx")
      .on(t.siteRuleId, t.doneAt.desc(), t.interventionId.desc())
      .where(sql`${t.live} and ${t.status} in (${DONE})`),
    index("intervention_site_rules_open_idx")
      .on(t.siteRuleId, t.scheduledStart, t.interventionId)
      .where(sql`${t.live} and ${t.status} in (${OPEN})`),
  ],
);

/** The anomalies a curative intervention repairs. */
export const interventionAnomalies = pgTable(
  "intervention_anomalies",
  {
    interventionId: interventionRef(),
    anomalyId: ref()
      .notNull()
      .references(() => anomalies.id),
  },
  (t) => [primaryKey({ columns: [t.interventionId, t.anomalyId] }), index().on(t.anomalyId)],
);

/**
 * The sites an intervention takes place on, for every type: a training exercise's own sites, and the
 * sites behind a preventive's site rules or a curative's anomalies, so that one index serves "by site".
 * What the list's order and a drill's coverage need of the intervention (type, rule, status, dates, not
 * deleted) is copied here, so that "this site's interventions in date order" and "the latest done and next
 * open drill of this rule on this site" are index lookups; the foreign key on those columns makes PostgreSQL
 * refuse a wrong copy and carry every change.
 */
export const interventionSites = pgTable(
  "intervention_sites",
  {
    interventionId: ref().notNull(),
    siteId: ref()
      .notNull()
      .references(() => sites.id),
    organizationId: organizationIdColumn(),
    type: enumColumn(InterventionType).notNull(),
    /** The drill's rule, else 0 (see `interventions.rule_key`). */
    ruleKey: ref().notNull(),
    status: enumColumn(InterventionStatus).notNull(),
    scheduledStart: at().notNull(),
    doneAt: at().notNull(),
    live: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.interventionId, t.siteId] }),
    foreignKey({
      name: "intervention_sites_coverage_fk",
      columns: [t.interventionId, t.type, t.ruleKey, t.status, t.scheduledStart, t.doneAt, t.live],
      foreignColumns: [
        interventions.id,
        interventions.type,
        interventions.ruleKey,
        interventions.status,
        interventions.scheduledStart,
        interventions.doneAt,
        interventions.live,
      ],
    })
      .onUpdate("cascade")
      .onDelete("cascade"),
    index("intervention_sites_org_site_scheduled_idx").on(
      t.organizationId,
      t.siteId,
      t.scheduledStart,
      t.interventionId,
    ),
    index("intervention_sites_drill_done_idx")
      .on(t.siteId, t.ruleKey, t.doneAt.desc(), t.interventionId.desc())
      .where(sql`${t.live} and ${t.type} = ${TRAINING_EXERCISE} and ${t.status} in (${DONE})`),
    index("intervention_sites_drill_open_idx")
      .on(t.siteId, t.ruleKey, t.scheduledStart, t.interventionId)
      .where(sql`${t.live} and ${t.type} = ${TRAINING_EXERCISE} and ${t.status} in (${OPEN})`),
  ],
);
