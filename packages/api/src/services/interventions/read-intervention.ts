import { DomainError, ErrorCode, interventionIdInput, Operation, roleAllows } from "@interventions/domain";
import { defineVerb } from "../verb";
import { readInterventionView, toUserShaped } from "./read/intervention-view";
import { interventionScope } from "./read/scope";

/** One intervention in the documented user shape, as partners read it back (`GET /interventions/v2/rs/{id}`). */
export const readIntervention = defineVerb(
  { operation: Operation.read, input: interventionIdInput },
  async ({ ctx, input }) => {
    const { actor } = ctx;
    const view = await readInterventionView(
      ctx.db,
      actor.organizationId,
      input.interventionId,
      interventionScope(actor),
    );
    if (!view) throw new DomainError(ErrorCode.notFound, `Intervention ${input.interventionId} not found`);
    const data = toUserShaped(view);
    const shown = roleAllows(actor.role, Operation.readCodePin) ? data : { ...data, codePin: null };
    return { data: shown, version: view.version };
  },
);
