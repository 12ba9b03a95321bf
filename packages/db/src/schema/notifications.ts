import { index, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, ref } from "./columns";
import { interventions } from "./interventions";
import { organizationIdColumn } from "./organizations";
import { profiles } from "./profiles";

/**
 * An in-app message to one profile, its title written in the recipient's language. Ids are opaque strings,
 * as the verify endpoint takes them.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => `ntf_${crypto.randomUUID()}`),
    organizationId: organizationIdColumn(),
    recipientProfileId: ref()
      .notNull()
      .references(() => profiles.id),
    interventionId: ref().references(() => interventions.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text(),
    readAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.recipientProfileId, t.readAt, t.createdAt),
    // The bell's list: one profile's notifications, newest first, paged by (createdAt, id).
    index().on(t.recipientProfileId, t.createdAt, t.id),
    // A decision settles the verifiers' tasks of its intervention: found by the intervention, not by a scan
    // of every notification (and a deleted intervention's cascade too).
    index("notifications_intervention_idx").on(t.interventionId),
  ],
);
