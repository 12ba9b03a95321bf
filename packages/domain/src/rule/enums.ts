import { z } from "zod";
import type { EnumValue } from "../enum";

/** A rule asks either for a periodic check of equipment or for a drill with people. */
export const RuleKind = {
  check: 1,
  exercise: 2,
} as const;
export type RuleKind = EnumValue<typeof RuleKind>;
export const ruleKindSchema = z.enum(RuleKind);
