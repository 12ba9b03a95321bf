import { describe, expect, it } from "vitest";
import { FIXED_SEED, fuzzSeed } from "./fuzz-seed";

describe("FUZZ_SEED", () => {
  it("unset or empty: the fixed seed of CI", () => {
    expect(fuzzSeed(undefined)).toBe(FIXED_SEED);
    expect(fuzzSeed("")).toBe(FIXED_SEED);
  });

  it("a number: that seed, to replay a failure", () => {
    expect(fuzzSeed("12345")).toBe(12345);
  });

  it("random: a new seed, printed", () => {
    const printed: string[] = [];
    const seed = fuzzSeed("random", (message) => printed.push(message));
    expect(Number.isInteger(seed)).toBe(true);
    expect(printed).toEqual([`fuzz: FUZZ_SEED=${seed} (replay a failure with this value)`]);
  });

  it("anything else is refused", () => {
    expect(() => fuzzSeed("sometimes")).toThrow();
  });
});
