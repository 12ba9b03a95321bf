import { listObligationsInput, Operation } from "@interventions/domain";
import { z } from "zod";
import { pageCursor } from "../page-cursor";
import { defineVerb } from "../verb";
import { readObligations, toObligationRow } from "./obligations";

const cursor = pageCursor(z.tuple([z.int()]));

/** A page of the organization's obligations, in site-rule order, as partners read them. */
export const listObligations = defineVerb(
  { operation: Operation.readCompliance, input: listObligationsInput },
  async ({ ctx, input }) => {
    const after = input.cursor === undefined ? 0 : cursor.decode(input.cursor)[0];
    const all = await readObligations(ctx.db, ctx.actor.organizationId, input, ctx.now);
    const matching = all.filter(
      (obligation) =>
        obligation.siteRuleId > after && (input.status === undefined || obligation.status === input.status),
    );
    const page = matching.slice(0, input.limit);
    const last = page.at(-1);
    return {
      data: page.map(toObligationRow),
      nextCursor: matching.length > input.limit && last ? cursor.encode([last.siteRuleId]) : null,
    };
  },
);
