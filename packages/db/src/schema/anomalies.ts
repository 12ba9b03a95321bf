import { AnomalySeverity, AnomalyStatus } from "@interventions/domain";
import { type AnyPgColumn, check, index, pgTable, text } from "drizzle-orm/pg-core";
import { at, createdAt, enumColumn, idColumn, inEnum, ref, updatedAt } from "./columns";
import { interventions } from "./interventions";
import { organizationIdColumn } from "./organizations";
import { siteRules } from "./site-rules";
import { sites } from "./sites";

/** A defect found on a site (often during a check), to be repaired by a curative intervention. */
export const anomalies = pgTable(
  "anomalies",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    siteId: ref()
      .notNull()
      .references(() => sites.id),
    siteRuleId: ref().references(() => siteRules.id),
    /** The check that found it, when there was one. */
    foundInInterventionId: ref().references((): AnyPgColumn => interventions.id),
    description: text().notNull(),
    severity: enumColumn(AnomalySeverity).notNull(),
    status: enumColumn(AnomalyStatus).notNull(),
    detectedAt: at().notNull(),
    closedAt: at(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.organizationId, t.status),
    index().on(t.siteId),
    check("anomalies_status_check", inEnum(t.status, AnomalyStatus)),
    check("anomalies_severity_check", inEnum(t.severity, AnomalySeverity)),
  ],
);
