import { listObligationsInput, Operation, validationError } from "@interventions/domain";
import { z } from "zod";
import { defineVerb } from "../verb";
import { readObligations } from "./obligations";

const cursorSchema = z.tuple([z.int()]);

function encodeCursor(siteRuleId: number): string {
  return Buffer.from(JSON.stringify([siteRuleId])).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")))[0];
  } catch {
    throw validationError([{ path: "cursor", message: "Invalid cursor: use the nextCursor of a previous page" }]);
  }
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** A page of the organization's obligations, in site-rule order, as partners read them. */
export const listObligations = defineVerb(
  { operation: Operation.readCompliance, input: listObligationsInput },
  async ({ ctx, input }) => {
    const after = input.cursor === undefined ? 0 : decodeCursor(input.cursor);
    const all = await readObligations(ctx.db, ctx.actor.organizationId, input, ctx.now);
    const matching = all.filter(
      (obligation) =>
        obligation.siteRuleId > after && (input.status === undefined || obligation.status === input.status),
    );
    const page = matching.slice(0, input.limit);
    const last = page.at(-1);
    return {
      data: page.map((obligation) => ({
        siteRuleId: obligation.siteRuleId,
        siteId: obligation.siteId,
        ruleId: obligation.ruleId,
        status: obligation.status,
        lastDoneAt: iso(obligation.lastDoneAt),
        pendingVerification: obligation.pendingVerification,
        dueAt: iso(obligation.dueAt),
        nextInterventionId: obligation.nextIntervention?.id ?? null,
        nextScheduledStart: iso(obligation.nextIntervention?.scheduledStart ?? null),
        openAnomalyCount: obligation.openAnomalyCount,
      })),
      nextCursor: matching.length > input.limit && last ? encodeCursor(last.siteRuleId) : null,
    };
  },
);
