import { z } from "zod";
import { InterventionStatus } from "../intervention/enums";
import { OPEN_STATUSES } from "../intervention/lifecycle";
import { addCalendarMonths, subtractCalendarDays } from "./calendar";

/** Where an obligation (a rule on a site) stands today. */
export const ObligationStatus = {
  /** Done, and not due before the warning window. */
  compliant: "compliant",
  /** Due within the organization's warning window. */
  dueSoon: "dueSoon",
  /** Due date reached or passed. */
  overdue: "overdue",
  /** No covering intervention was ever done. */
  neverDone: "neverDone",
} as const;
export type ObligationStatus = (typeof ObligationStatus)[keyof typeof ObligationStatus];
export const obligationStatusSchema = z.enum(ObligationStatus);

/** Done work counts for the obligation: accepted, or waiting for the client's verification (pending). */
export const DONE_STATUSES: readonly InterventionStatus[] = [
  InterventionStatus.accepted,
  InterventionStatus.awaitingVerification,
];

export const DEFAULT_WARNING_DAYS = 30;

/** An intervention that covers the obligation: a preventive linking the site rule, a drill of that rule there. */
export interface CoveringIntervention {
  id: number;
  status: InterventionStatus;
  scheduledStart: Date;
  scheduledEnd: Date;
  actualEnd: Date | null;
}

export interface LastDone {
  at: Date;
  /** Done, but the client has not accepted it yet. */
  pendingVerification: boolean;
}

/** When done work was done: its actual end, else its scheduled end. */
export function doneAt(intervention: Pick<CoveringIntervention, "actualEnd" | "scheduledEnd">): Date {
  return intervention.actualEnd ?? intervention.scheduledEnd;
}

/** The latest done covering intervention; rejected and cancelled work does not count. */
export function latestDone(covering: readonly CoveringIntervention[]): LastDone | null {
  let latest: CoveringIntervention | undefined;
  for (const intervention of covering) {
    if (!DONE_STATUSES.includes(intervention.status)) continue;
    if (!latest || doneAt(intervention).getTime() > doneAt(latest).getTime()) latest = intervention;
  }
  return latest
    ? { at: doneAt(latest), pendingVerification: latest.status === InterventionStatus.awaitingVerification }
    : null;
}

/** The next covering intervention still to do: the earliest scheduled open one. */
export function nextOpen(covering: readonly CoveringIntervention[]): CoveringIntervention | null {
  let next: CoveringIntervention | null = null;
  for (const intervention of covering) {
    if (!OPEN_STATUSES.includes(intervention.status)) continue;
    if (!next || intervention.scheduledStart.getTime() < next.scheduledStart.getTime()) next = intervention;
  }
  return next;
}

/** The one definition of an obligation's due date: the last done work plus the rule's period, locally. */
export function dueDate(lastDoneAt: Date, periodicityMonths: number, timeZone: string): Date {
  return addCalendarMonths(lastDoneAt, periodicityMonths, timeZone);
}

export interface ObligationInput {
  lastDone: LastDone | null;
  periodicityMonths: number;
  timeZone: string;
  warningDays: number;
  now: Date;
}

export interface ObligationState {
  status: ObligationStatus;
  lastDoneAt: Date | null;
  pendingVerification: boolean;
  dueAt: Date | null;
}

/** Where the obligation stands at `now`. */
export function obligationState(input: ObligationInput): ObligationState {
  const { lastDone, now } = input;
  if (!lastDone)
    return { status: ObligationStatus.neverDone, lastDoneAt: null, pendingVerification: false, dueAt: null };
  const dueAt = dueDate(lastDone.at, input.periodicityMonths, input.timeZone);
  const warnFrom = subtractCalendarDays(dueAt, input.warningDays, input.timeZone);
  const status =
    dueAt.getTime() <= now.getTime()
      ? ObligationStatus.overdue
      : warnFrom.getTime() <= now.getTime()
        ? ObligationStatus.dueSoon
        : ObligationStatus.compliant;
  return { status, lastDoneAt: lastDone.at, pendingVerification: lastDone.pendingVerification, dueAt };
}
