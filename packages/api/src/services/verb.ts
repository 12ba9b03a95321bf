import { assertRoleAllows, type Operation } from "@interventions/domain";
import { z } from "zod";
import type { ServiceContext } from "../context";

/** What a verb takes: the request's context, and its input as its schema parsed it. */
export type VerbCall<Input> = { ctx: ServiceContext } & (undefined extends Input
  ? { input?: Input }
  : { input: Input });

/**
 * A use case with its contract: the operation whose role rule it enforces, and the schema of its input.
 * It is called like a function; REST, tRPC and the OpenAPI document derive their checks from the contract.
 */
export type Verb<Schema extends z.ZodType, Output> = ((call: VerbCall<z.output<Schema>>) => Promise<Output>) & {
  readonly operation: Operation;
  readonly input: Schema;
};

/** Declares a verb once: the role is checked on every call, before anything is read. */
export function defineVerb<Schema extends z.ZodType, Output>(
  contract: { operation: Operation; input: Schema },
  run: (call: VerbCall<z.output<Schema>>) => Promise<Output>,
): Verb<Schema, Output> {
  const verb = async (call: VerbCall<z.output<Schema>>) => {
    assertRoleAllows(call.ctx.actor.role, contract.operation);
    return run(call);
  };
  return Object.assign(verb, { operation: contract.operation, input: contract.input });
}

/** The input of a verb that takes none. */
export const noInput = z.undefined();
