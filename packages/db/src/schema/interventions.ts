import { CheckType, CreationStatus, InterventionStatus, InterventionType } from "@interventions/domain";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { at, createdAt, enumColumn, idColumn, inEnum, ref, updatedAt } from "./columns";
import { companies, companyContacts } from "./companies";
import { organizationIdColumn } from "./organizations";
import { profiles } from "./profiles";
import { routines } from "./routines";
import { rules } from "./rules";

const TRAINING_EXERCISE = sql.raw(String(InterventionType.trainingExercise));

/**
 * Work on sites. People are stored as profiles (a membership of this organization); the
 * user-shaped API view reads the user behind each profile.
 */
export const interventions = pgTable(
  "interventions",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    type: enumColumn(InterventionType).notNull(),
    status: enumColumn(InterventionStatus).notNull(),
    creationStatus: enumColumn(CreationStatus).notNull(),
    checkType: enumColumn(CheckType),
    description: text(),
    /** Object key of the technician's signature image in the bucket. */
    imgSignature: text(),
    codePin: integer(),
    autoCreated: boolean().notNull().default(false),
    scheduledStart: at().notNull(),
    scheduledEnd: at().notNull(),
    negotiationEndDate: at(),
    actualStart: at(),
    actualEnd: at(),
    providerFirstName: text(),
    providerLastName: text(),
    providerEmail: text(),
    providerActionComment: text(),
    providerGeneralComment: text(),
    companyId: ref().references(() => companies.id),
    assignedCompanyContactId: ref().references(() => companyContacts.id),
    assignedProfileId: ref().references(() => profiles.id),
    verifiedByProfileId: ref().references(() => profiles.id),
    verifiedAt: at(),
    decisionComment: text(),
    /** Training exercises only: the drill's rule, people who took part, when it was validated. */
    ruleId: ref().references(() => rules.id),
    attendeeCount: integer(),
    validatedAt: at(),
    routineId: ref().references(() => routines.id),
    /** The occurrence of the routine this plans: the obligation's due date when it was generated. */
    routineDueAt: at(),
    createdByProfileId: ref().references(() => profiles.id),
    /** Bumped by every change: a write that read an older version lost a race. */
    version: integer().notNull().default(1),
    archivedAt: at(),
    deletedAt: at(),
    /** When the work counts as done for the obligations it covers: its actual end, else its scheduled end. */
    doneAt: at().generatedAlwaysAs(sql`coalesce(actual_end, scheduled_end)`),
    /** Not deleted. */
    live: boolean().generatedAlwaysAs(sql`deleted_at is null`),
    /** A training exercise's rule, else 0: never null, so that the foreign key of its site links checks it. */
    ruleKey: ref().generatedAlwaysAs(sql`coalesce(rule_id, 0)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The dashboard's list: one organization, optionally one status or type, in date order.
    index("interventions_org_scheduled_idx").on(t.organizationId, t.scheduledStart, t.id),
    index("interventions_org_status_scheduled_idx").on(t.organizationId, t.status, t.scheduledStart, t.id),
    index("interventions_org_type_scheduled_idx").on(t.organizationId, t.type, t.scheduledStart, t.id),
    index("interventions_org_assigned_profile_idx").on(t.organizationId, t.assignedProfileId, t.scheduledStart),
    // Partners' sync: what changed since a date, in (updated at, id) order.
    index("interventions_org_updated_idx").on(t.organizationId, t.updatedAt, t.id),
    index("interventions_org_assigned_contact_idx").on(t.organizationId, t.assignedCompanyContactId, t.scheduledStart),
    // The search box: a word anywhere in the description (pg_trgm, case-insensitive `ilike '%word%'`).
    index("interventions_description_trgm_idx").using("gin", t.description.op("gin_trgm_ops")),
    // The search by provider company name: its interventions without going through the whole list.
    index("interventions_org_company_idx").on(t.organizationId, t.companyId, t.scheduledStart),
    // Target of intervention_sites' copy of what lists and drills' coverage need (see there).
    unique("interventions_site_coverage_key").on(t.id, t.type, t.ruleKey, t.status, t.scheduledStart, t.doneAt, t.live),
    // Target of intervention_site_rules' copy of what coverage needs (see there).
    unique("interventions_coverage_key").on(t.id, t.status, t.scheduledStart, t.doneAt, t.live),
    // A routine plans each occurrence once, however many generators run: the insert conflicts, not a read.
    uniqueIndex("interventions_routine_occurrence_key").on(t.routineId, t.routineDueAt),
    check("interventions_routine_occurrence_check", sql`(${t.routineId} is null) = (${t.routineDueAt} is null)`),
    check("interventions_type_check", inEnum(t.type, InterventionType)),
    check("interventions_status_check", inEnum(t.status, InterventionStatus)),
    check("interventions_creation_status_check", inEnum(t.creationStatus, CreationStatus)),
    check("interventions_check_type_check", inEnum(t.checkType, CheckType)),
    check("interventions_schedule_order_check", sql`${t.scheduledEnd} >= ${t.scheduledStart}`),
    check("interventions_code_pin_check", sql`${t.codePin} between 100000 and 999999`),
    check("interventions_attendee_count_check", sql`${t.attendeeCount} >= 0`),
    check(
      "interventions_training_fields_check",
      sql`${t.type} = ${TRAINING_EXERCISE} or (${t.ruleId} is null and ${t.attendeeCount} is null and ${t.validatedAt} is null)`,
    ),
    check("interventions_verification_check", sql`(${t.verifiedAt} is null) = (${t.verifiedByProfileId} is null)`),
  ],
);
