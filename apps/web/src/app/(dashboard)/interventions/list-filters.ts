import {
  type InterventionFiltersInput,
  InterventionStatus,
  InterventionType,
  type ListInterventionsInput,
  SEARCH_MAX_LENGTH,
} from "@interventions/domain";
import { addDays, zonedDayStartIso } from "../../../lib/dates";

/** The list's filters as they stand in the address bar, so that a link shows the same list. */
export interface UrlFilters {
  /** A type's word (`preventive`, `training-exercise`). */
  type: string;
  /** A status's word (`awaiting-verification`). */
  status: string;
  siteId: string;
  /** `p<profileId>` for a user, `c<contactId>` for a provider's contact, `none` for nobody. */
  assignee: string;
  /** Calendar days (YYYY-MM-DD) in the organization's time zone, both included. */
  from: string;
  to: string;
  order: "asc" | "desc";
  cursor: string;
  /** The search box's words. */
  q: string;
}

/** An enum member's name as an address writes it: `awaitingVerification` → `awaiting-verification`. */
const wordOf = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function wordsOf<E extends Record<string, number>>(values: E): Map<string, E[keyof E]> {
  return new Map(Object.entries(values).map(([name, value]) => [wordOf(name), value as E[keyof E]]));
}

/** The words of the address for the types and statuses: readable, and stable whatever the numbers become. */
export const TYPE_WORDS = wordsOf(InterventionType);
export const STATUS_WORDS = wordsOf(InterventionStatus);

const wordFor = <V>(words: Map<string, V>, value: V) => [...words].find(([, candidate]) => candidate === value)?.[0];
export const typeWord = (type: InterventionType) => wordFor(TYPE_WORDS, type) ?? "";
export const statusWord = (status: InterventionStatus) => wordFor(STATUS_WORDS, status) ?? "";

/** The type a word of the address names, if any (a planning's filter too). */
export const typeOfWord = (word: string | null | undefined) => (word ? TYPE_WORDS.get(word) : undefined);

/** A page's search parameters, as Next.js hands them to a server component, as the address carries them. */
export function paramsOf(search: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const one of Array.isArray(value) ? value : [value ?? ""]) params.append(key, one);
  }
  return params;
}

export function readUrlFilters(params: URLSearchParams): UrlFilters {
  return {
    type: params.get("type") ?? "",
    status: params.get("status") ?? "",
    siteId: params.get("siteId") ?? "",
    assignee: params.get("assignee") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    order: params.get("order") === "desc" ? "desc" : "asc",
    cursor: params.get("cursor") ?? "",
    q: params.get("q") ?? "",
  };
}

export function toSearch(filters: Partial<UrlFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value && !(key === "order" && value === "asc")) params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * The address in words of an old link that names a type or a status by its number (`?status=4` →
 * `?status=awaiting-verification`), the rest as it was; null when there is nothing to rewrite.
 */
export function wordedSearch(params: URLSearchParams): string | null {
  const next = new URLSearchParams(params);
  let changed = false;
  for (const [key, words] of [
    ["type", TYPE_WORDS],
    ["status", STATUS_WORDS],
  ] as const) {
    const raw = params.get(key);
    if (!raw || !/^\d{1,3}$/.test(raw)) continue;
    const word = wordFor<number>(words, Number(raw));
    if (word) next.set(key, word);
    else next.delete(key);
    changed = true;
  }
  if (!changed) return null;
  const search = next.toString();
  return search ? `?${search}` : "";
}

const positiveId = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : undefined);
/** A real calendar day (2026-13-01 is not one). */
export const day = (raw: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : undefined;

/** The query's filters; what cannot be read from the address is ignored rather than refused. */
export function toQueryFilters(filters: UrlFilters, timeZone: string): InterventionFiltersInput {
  const from = day(filters.from);
  const to = day(filters.to);
  return {
    type: TYPE_WORDS.get(filters.type),
    status: STATUS_WORDS.get(filters.status),
    siteId: positiveId(filters.siteId),
    assignedProfileId: filters.assignee.startsWith("p") ? positiveId(filters.assignee.slice(1)) : undefined,
    assignedCompanyContactId: filters.assignee.startsWith("c") ? positiveId(filters.assignee.slice(1)) : undefined,
    unassigned: filters.assignee === "none" ? true : undefined,
    from: from ? zonedDayStartIso(from, timeZone) : undefined,
    to: to ? zonedDayStartIso(addDays(to, 1), timeZone) : undefined,
    // Cut rather than refused: a pasted paragraph still searches its first words.
    q: filters.q.trim().slice(0, SEARCH_MAX_LENGTH) || undefined,
  };
}

/** How many filters narrow the list, the search and the order aside (the folded filters' button says it). */
export function activeFilterCount(filters: UrlFilters): number {
  return [filters.type, filters.status, filters.siteId, filters.assignee, filters.from, filters.to].filter(Boolean)
    .length;
}

export function toListInput(filters: UrlFilters, timeZone: string): ListInterventionsInput {
  return {
    ...toQueryFilters(filters, timeZone),
    order: filters.order,
    cursor: filters.cursor || undefined,
    limit: 25,
  };
}
