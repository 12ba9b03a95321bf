import { RuleKind } from "@interventions/domain";
import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, unique } from "drizzle-orm/pg-core";
import { createdAt, enumColumn, idColumn, inEnum } from "./columns";
import { organizationIdColumn } from "./organizations";

/** A regulatory obligation, e.g. "fire extinguishers checked every 12 months". */
export const rules = pgTable(
  "rules",
  {
    id: idColumn(),
    organizationId: organizationIdColumn(),
    code: text().notNull(),
    name: text().notNull(),
    description: text(),
    kind: enumColumn(RuleKind).notNull(),
    periodicityMonths: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.organizationId, t.code),
    check("rules_kind_check", inEnum(t.kind, RuleKind)),
    check("rules_periodicity_check", sql`${t.periodicityMonths} between 1 and 120`),
  ],
);
