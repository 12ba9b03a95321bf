import { z } from "zod";

/** CI's seed: the same bodies every run, so that a failure is a change of the code, not of luck. */
export const FIXED_SEED = 20_261_123;

const fuzzSeedSchema = z.union([z.literal("random"), z.coerce.number().int()]).optional();

/**
 * FUZZ_SEED: unset, the fixed seed; `random`, a new one, printed so that a failure can be replayed with
 * `FUZZ_SEED=<seed>`; a number, that one.
 */
export function fuzzSeed(value: string | undefined, log: (message: string) => void = console.info): number {
  const parsed = fuzzSeedSchema.parse(value === "" ? undefined : value);
  if (parsed === undefined) return FIXED_SEED;
  if (parsed !== "random") return parsed;
  const seed = Math.floor(Math.random() * 2 ** 31);
  log(`fuzz: FUZZ_SEED=${seed} (replay a failure with this value)`);
  return seed;
}
