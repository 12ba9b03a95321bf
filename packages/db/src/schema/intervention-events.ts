import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { apiClients } from "./api-clients";
import { at, idColumn, ref } from "./columns";
import { interventions } from "./interventions";
import { organizationIdColumn } from "./organizations";
import { profiles } from "./profiles";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The history of an intervention: one row per change, never updated. */
export const interventionEvents = pgTable(
  "intervention_events",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    interventionId: ref()
      .notNull()
      .references(() => interventions.id, { onDelete: "cascade" }),
    /** null when the system acted (a routine, the seed). */
    actorProfileId: ref().references(() => profiles.id),
    apiClientId: ref().references(() => apiClients.id),
    action: text().notNull(),
    changes: jsonb().$type<FieldChanges>().notNull().default({}),
    occurredAt: at().notNull().defaultNow(),
  },
  (t) => [index().on(t.interventionId, t.occurredAt, t.id)],
);
