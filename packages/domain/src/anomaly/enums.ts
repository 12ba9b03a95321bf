import { z } from "zod";
import type { EnumValue } from "../enum";

/** open → inRepair while a curative intervention covers it → closed when that repair is accepted. */
export const AnomalyStatus = {
  open: 1,
  inRepair: 2,
  closed: 3,
} as const;
export type AnomalyStatus = EnumValue<typeof AnomalyStatus>;
export const anomalyStatusSchema = z.enum(AnomalyStatus);

export const AnomalySeverity = {
  minor: 1,
  major: 2,
  critical: 3,
} as const;
export type AnomalySeverity = EnumValue<typeof AnomalySeverity>;
export const anomalySeveritySchema = z.enum(AnomalySeverity);
