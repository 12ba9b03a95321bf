import { randomInt } from "node:crypto";
import { InterventionStatus, needsCodePin } from "@interventions/domain";

/** A fresh 6-digit code PIN for the technician to type on site. */
export function newCodePin(): number {
  return randomInt(100_000, 1_000_000);
}

/** A confirmed schedule keeps or gets a PIN; back to "to schedule", the PIN it unlocked is withdrawn. */
export function codePinFor(status: InterventionStatus, current: number | null): number | null {
  if (needsCodePin(status)) return current ?? newCodePin();
  return status === InterventionStatus.toSchedule ? null : current;
}
