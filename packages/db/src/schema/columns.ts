import { type EnumValue, enumValues, type NumericEnum } from "@interventions/domain";
import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, smallint, timestamp } from "drizzle-orm/pg-core";

/** Ids are bigint so that any safe integer sent by a client is a valid lookup, never an overflow error. */
export const idColumn = () => bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
export const ref = () => bigint({ mode: "number" });

/**
 * Milliseconds, as JavaScript dates and the API carry them: a value read back compares equal to what is
 * stored, so cursors and the copies kept by foreign keys never differ by a few microseconds.
 */
export const at = () => timestamp({ withTimezone: true, mode: "date", precision: 3 });
export const createdAt = () => at().notNull().defaultNow();
export const updatedAt = () =>
  at()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** A check constraint body keeping a smallint column within a domain enum. */
export function inEnum(column: AnyPgColumn, values: NumericEnum): SQL {
  return sql`${column} in (${sql.raw(enumValues(values).join(", "))})`;
}

/** A smallint holding a domain enum: read back as the enum's type, so no caller casts what it stored. */
export const enumColumn = <E extends NumericEnum>(_values: E) => smallint().$type<EnumValue<E>>();
