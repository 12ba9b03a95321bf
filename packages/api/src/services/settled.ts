/**
 * The value of a settled promise, or its error thrown. Lookups sent together on a transaction's connection
 * share one round trip (postgres.js pipelines them); settling them all, then reading them in a fixed order,
 * keeps which refusal a bad request is told the same as when they ran one after the other.
 */
export function settledValue<T>(result: PromiseSettledResult<T>): T {
  if (result.status === "rejected") throw result.reason;
  return result.value;
}
