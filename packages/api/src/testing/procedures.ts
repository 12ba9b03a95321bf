import type { AnyProcedure } from "@trpc/server";
import { appRouter } from "../trpc/root";

export interface RouterProcedure {
  /** The dotted path a client calls, such as `interventions.list`. */
  path: string;
  type: AnyProcedure["_def"]["type"];
  /** The input parsers, in order: the verb's schema. */
  inputs: readonly unknown[];
}

function isProcedure(value: unknown): value is AnyProcedure {
  return typeof value === "function" && "_def" in value;
}

/** Every procedure of the app router: tests walk them all, so that a new one cannot be left out. */
export function routerProcedures(): RouterProcedure[] {
  return Object.entries(appRouter._def.procedures as Record<string, unknown>).flatMap(([path, procedure]) =>
    isProcedure(procedure) ? [{ path, type: procedure._def.type, inputs: procedure._def.inputs }] : [],
  );
}
