import {
  companies,
  companyContacts,
  type Database,
  type FieldChanges,
  profiles,
  rules,
  siteRules,
  sites,
  users,
} from "@interventions/db";
import { and, eq } from "drizzle-orm";
import { inIds } from "../../id-array";

/** The kind of record each history field that holds ids points to. */
export const REFERENCE_FIELDS = {
  assignedProfileId: "profile",
  verifiedByProfileId: "profile",
  assignedCompanyContactId: "contact",
  companyId: "company",
  siteRuleIds: "siteRule",
  siteIds: "site",
  ruleId: "rule",
} as const;
export type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

/** The names of the records a history points to, by kind then id; an id missing here no longer exists. */
export type HistoryNames = Record<ReferenceKind, Record<string, string>>;

function idsOf(value: unknown): number[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((id): id is number => typeof id === "number" && Number.isSafeInteger(id));
}

/** Every id each kind of record is named by in these changes. */
export function referencedIds(changes: readonly FieldChanges[]): Record<ReferenceKind, number[]> {
  const found: Record<ReferenceKind, Set<number>> = {
    profile: new Set(),
    contact: new Set(),
    company: new Set(),
    siteRule: new Set(),
    site: new Set(),
    rule: new Set(),
  };
  for (const change of changes) {
    for (const [field, { from, to }] of Object.entries(change ?? {})) {
      const kind = REFERENCE_FIELDS[field as keyof typeof REFERENCE_FIELDS];
      if (kind === undefined) continue;
      for (const id of [...idsOf(from), ...idsOf(to)]) found[kind].add(id);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([kind, ids]) => [kind, [...ids]])) as Record<
    ReferenceKind,
    number[]
  >;
}

const byId = (rows: readonly { id: number; name: string }[]) =>
  Object.fromEntries(rows.map((row) => [String(row.id), row.name]));

/**
 * The names of the people, companies, sites and rules a history's changes point to, in the organization only:
 * the page says "Julie Moreau", never `assignedProfileId: 3`.
 */
export async function nameReferences(
  db: Database,
  organizationId: number,
  changes: readonly FieldChanges[],
): Promise<HistoryNames> {
  const ids = referencedIds(changes);
  const none = Promise.resolve([] as { id: number; name: string }[]);
  const [profileRows, contactRows, companyRows, siteRuleRows, siteRows, ruleRows] = await Promise.all([
    ids.profile.length === 0
      ? none
      : db
          .select({ id: profiles.id, first: users.firstName, last: users.lastName })
          .from(profiles)
          .innerJoin(users, eq(users.id, profiles.userId))
          .where(and(eq(profiles.organizationId, organizationId), inIds(profiles.id, ids.profile)))
          .then((rows) => rows.map((row) => ({ id: row.id, name: `${row.first} ${row.last}` }))),
    ids.contact.length === 0
      ? none
      : db
          .select({ id: companyContacts.id, first: companyContacts.firstName, last: companyContacts.lastName })
          .from(companyContacts)
          .where(and(eq(companyContacts.organizationId, organizationId), inIds(companyContacts.id, ids.contact)))
          .then((rows) => rows.map((row) => ({ id: row.id, name: `${row.first} ${row.last}` }))),
    ids.company.length === 0
      ? none
      : db
          .select({ id: companies.id, name: companies.name })
          .from(companies)
          .where(and(eq(companies.organizationId, organizationId), inIds(companies.id, ids.company))),
    ids.siteRule.length === 0
      ? none
      : db
          .select({ id: siteRules.id, name: rules.name })
          .from(siteRules)
          .innerJoin(rules, eq(rules.id, siteRules.ruleId))
          .where(and(eq(siteRules.organizationId, organizationId), inIds(siteRules.id, ids.siteRule))),
    ids.site.length === 0
      ? none
      : db
          .select({ id: sites.id, name: sites.name })
          .from(sites)
          .where(and(eq(sites.organizationId, organizationId), inIds(sites.id, ids.site))),
    ids.rule.length === 0
      ? none
      : db
          .select({ id: rules.id, name: rules.name })
          .from(rules)
          .where(and(eq(rules.organizationId, organizationId), inIds(rules.id, ids.rule))),
  ]);
  return {
    profile: byId(profileRows),
    contact: byId(contactRows),
    company: byId(companyRows),
    siteRule: byId(siteRuleRows),
    site: byId(siteRows),
    rule: byId(ruleRows),
  };
}
