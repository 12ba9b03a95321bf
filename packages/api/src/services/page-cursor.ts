import { validationError } from "@interventions/domain";
import type { z } from "zod";

/**
 * An opaque keyset cursor: where a page ended, as base64url JSON of `schema`. A cursor the client made up
 * or damaged is a 400 on `cursor`, never a 500.
 */
export function pageCursor<Schema extends z.ZodType>(schema: Schema) {
  return {
    encode: (position: z.input<Schema>): string => Buffer.from(JSON.stringify(position)).toString("base64url"),
    decode(cursor: string): z.output<Schema> {
      try {
        return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
      } catch {
        throw validationError([{ path: "cursor", message: "Invalid cursor: use the nextCursor of a previous page" }]);
      }
    },
  };
}
