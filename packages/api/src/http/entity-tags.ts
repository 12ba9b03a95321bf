// Entity tags of one intervention: its version, as a strong tag (`"7"`), for conditional requests (RFC 9110 §13).

export const entityTag = (version: number) => `"${version}"`;

/**
 * The versions an `If-Match` header accepts, or undefined when any will do (no header, or `*`). Weak tags
 * never match (If-Match compares strongly), nor does anything malformed: what is left may be empty, and then
 * no version is the one asked for.
 */
export function ifMatchVersions(header: string | null): number[] | undefined {
  if (header === null) return undefined;
  const tags = header.split(",").map((tag) => tag.trim());
  if (tags.includes("*")) return undefined;
  return tags.flatMap((tag) => {
    const match = /^"(\d{1,9})"$/.exec(tag);
    return match ? [Number(match[1])] : [];
  });
}

/** Whether an `If-None-Match` header names the current version (weak comparison, `*` for any): then 304. */
export function ifNoneMatchHolds(header: string | null, version: number): boolean {
  if (header === null) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === entityTag(version));
}
