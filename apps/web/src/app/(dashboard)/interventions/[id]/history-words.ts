import type { RouterOutputs } from "@interventions/api/trpc";

export type HistoryNames = RouterOutputs["interventions"]["get"]["historyNames"];
type Kind = keyof HistoryNames;

/** The history fields that hold ids, and the kind of record each points to (the API's `REFERENCE_FIELDS`). */
const REFERENCES: Record<string, Kind> = {
  assignedProfileId: "profile",
  verifiedByProfileId: "profile",
  assignedCompanyContactId: "contact",
  companyId: "company",
  siteRuleIds: "siteRule",
  siteIds: "site",
  ruleId: "rule",
};

/** What the page needs to say a value: words it has in its language, dates in the organization's zone. */
export interface ValueWords {
  none: string;
  /** An emptied assignee: "Nobody" rather than a dash. */
  nobody: string;
  yes: string;
  no: string;
  gone: (kind: Kind) => string;
  added: (name: string) => string;
  removed: (name: string) => string;
  status: (value: number) => string;
  creationStatus: (value: number) => string;
  dateTime: (iso: string) => string;
}

/** The fields naming who does the work. */
const PEOPLE = new Set(["assignedProfileId", "assignedCompanyContactId"]);

const ids = (value: unknown): number[] => (Array.isArray(value) ? value.filter((id) => typeof id === "number") : []);

/**
 * One change as a reader would say it: `from` and `to` in words, names instead of ids; a list of ids as what was
 * added and removed (`to` only, `from` empty). An id that no longer resolves reads as a neutral word.
 */
export function describeChange(
  field: string,
  change: { from: unknown; to: unknown },
  names: HistoryNames,
  words: ValueWords,
): { from: string | null; to: string } {
  const kind = REFERENCES[field];
  const nameOf = (id: unknown): string => {
    if (id === null || id === undefined) return PEOPLE.has(field) ? words.nobody : words.none;
    if (kind === undefined) return words.none;
    return names[kind][String(id)] ?? words.gone(kind);
  };
  if (kind !== undefined && (Array.isArray(change.from) || Array.isArray(change.to))) {
    const before = ids(change.from);
    const after = ids(change.to);
    const parts = [
      ...after.filter((id) => !before.includes(id)).map((id) => words.added(nameOf(id))),
      ...before.filter((id) => !after.includes(id)).map((id) => words.removed(nameOf(id))),
    ];
    return { from: null, to: parts.length > 0 ? parts.join(", ") : words.none };
  }
  const say = (value: unknown): string => {
    if (kind !== undefined) return nameOf(value);
    if (value === null || value === undefined || value === "") return words.none;
    if (field === "status" && typeof value === "number") return words.status(value);
    if (field === "creationStatus" && typeof value === "number") return words.creationStatus(value);
    if (typeof value === "boolean") return value ? words.yes : words.no;
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return words.dateTime(value);
    if (typeof value === "string" || typeof value === "number") return String(value);
    return words.none;
  };
  return { from: say(change.from), to: say(change.to) };
}

/** The line that says who does the work when a contact and a member change together. */
export const ASSIGNEE_LINE = "assignee";

/**
 * The lines of one event, in words: one per change, except that a contact and a member changed together (one
 * assignee in place of another of the other kind, or both cleared) read as one line, `Assigned to: A → B`.
 */
export function describeChanges(
  changes: Record<string, { from: unknown; to: unknown }>,
  names: HistoryNames,
  words: ValueWords,
): { field: string; from: string | null; to: string }[] {
  const { assignedCompanyContactId: contact, assignedProfileId: member, ...others } = changes;
  const lines = Object.entries(contact && member ? others : changes).map(([field, change]) => ({
    field,
    ...describeChange(field, change, names, words),
  }));
  if (!contact || !member) return lines;
  const say = (side: "from" | "to") => {
    const people = [
      contact[side] == null ? null : describeChange("assignedCompanyContactId", contact, names, words)[side],
      member[side] == null ? null : describeChange("assignedProfileId", member, names, words)[side],
    ].filter((name) => name !== null);
    return people.length > 0 ? people.join(", ") : words.nobody;
  };
  return [{ field: ASSIGNEE_LINE, from: say("from"), to: say("to") }, ...lines];
}
