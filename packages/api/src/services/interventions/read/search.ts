import { type Executor, interventions, organizations } from "@interventions/db";
import { and, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { idArray, inIds } from "../../id-array";

/** More words than this add nothing a person types in a search box. */
const MAX_WORDS = 8;

/** The words of a search, each to be found somewhere: `#42` and `42` both name intervention 42. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q.trim().split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
}

/** A word as a `like` pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
const anywhere = (word: string) => `%${word.replace(/[\\%_]/g, "\\$&")}%`;

/** One word of a search, with the organization's sites, people and providers whose names hold it. */
interface SearchWord {
  pattern: string;
  number: number | null;
  siteIds: number[];
  profileIds: number[];
  contactIds: number[];
  companyIds: number[];
}
export type SearchTerms = SearchWord[];

const ids = (values: readonly (number | string | bigint)[]) => values.map(Number);

/**
 * Reads which of the organization's sites, members, contacts and companies each word names: small tables,
 * one short query per word. The interventions' condition then holds plain lists of ids, which PostgreSQL
 * matches with the interventions' own indexes.
 */
export async function searchTerms(db: Executor, organizationId: number, q: string | undefined): Promise<SearchTerms> {
  const terms: SearchTerms = [];
  for (const word of searchWords(q)) {
    const pattern = anywhere(word);
    const [row] = await db
      .select({
        sites: sql<string[]>`array(select s.id from sites s where s.organization_id = ${organizationId}
          and s.name ilike ${pattern})`,
        profiles: sql<string[]>`array(select p.id from profiles p join users u on u.id = p.user_id
          where p.organization_id = ${organizationId} and (u.first_name || ' ' || u.last_name) ilike ${pattern})`,
        contacts: sql<string[]>`array(select c.id from company_contacts c where c.organization_id = ${organizationId}
          and (c.first_name || ' ' || c.last_name) ilike ${pattern})`,
        companies: sql<string[]>`array(select co.id from companies co where co.organization_id = ${organizationId}
          and co.name ilike ${pattern})`,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    terms.push({
      pattern,
      number: /^#?\d{1,15}$/.test(word) ? Number(word.replace("#", "")) : null,
      siteIds: ids(row?.sites ?? []),
      profileIds: ids(row?.profiles ?? []),
      contactIds: ids(row?.contacts ?? []),
      companyIds: ids(row?.companies ?? []),
    });
  }
  return terms;
}

/**
 * The interventions matching every word: each in the number, the description (trigram index), a site's
 * name, the assignee's or the provider company's. Every alternative but the site's is a condition one index
 * answers, so PostgreSQL either combines the indexes (a rare word) or walks the list in order and stops at
 * the page's end (a common one).
 */
export function searchCondition(terms: SearchTerms | undefined): SQL | undefined {
  if (!terms || terms.length === 0) return undefined;
  return and(
    ...terms.map((term) =>
      or(
        term.number === null ? undefined : eq(interventions.id, term.number),
        ilike(interventions.description, term.pattern),
        term.profileIds.length ? inIds(interventions.assignedProfileId, term.profileIds) : undefined,
        term.contactIds.length ? inIds(interventions.assignedCompanyContactId, term.contactIds) : undefined,
        term.companyIds.length ? inIds(interventions.companyId, term.companyIds) : undefined,
        term.siteIds.length
          ? // `offset 0` keeps it a probe of the link's key per row: hashed, it would read every link first.
            sql`exists (select 1 from intervention_sites l where l.intervention_id = ${interventions.id}
                and l.site_id = any(${idArray(term.siteIds)}) offset 0)`
          : undefined,
      ),
    ),
  );
}
