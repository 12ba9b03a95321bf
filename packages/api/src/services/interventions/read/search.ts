import { interventions } from "@interventions/db";
import { and, type SQL, sql } from "drizzle-orm";

/** More words than this add nothing a person types in a search box, and each one costs a set. */
const MAX_WORDS = 8;

/** The words of a search, each to be found somewhere: `#42` and `42` both name intervention 42. */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q.trim().split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
}

/** A word as a `like` pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
const anywhere = (word: string) => `%${word.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * The interventions matching every word of the search, each word in one of: the number, the description,
 * a site's name, the assignee's name (member or provider's contact), the provider company's name. Each
 * word is a union of index lookups (trigram index on the description, the organization's small tables
 * then the interventions' indexes by assignee, company and site), never a scan of the whole list.
 */
export function searchCondition(organizationId: number, q: string | undefined): SQL | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  return and(...words.map((word) => wordCondition(organizationId, word)));
}

function wordCondition(org: number, word: string): SQL {
  const pattern = anywhere(word);
  const number = /^#?\d{1,15}$/.test(word) ? Number(word.replace("#", "")) : null;
  const byNumber =
    number === null
      ? sql``
      : sql`select i.id from interventions i where i.organization_id = ${org} and i.id = ${number} union all `;
  return sql`${interventions.id} in (${byNumber}
    select i.id from interventions i where i.organization_id = ${org} and i.description ilike ${pattern}
    union all
    select l.intervention_id from intervention_sites l join sites s on s.id = l.site_id
      where s.organization_id = ${org} and l.organization_id = ${org} and s.name ilike ${pattern}
    union all
    select i.id from profiles p join users u on u.id = p.user_id
      join interventions i on i.organization_id = ${org} and i.assigned_profile_id = p.id
      where p.organization_id = ${org} and (u.first_name || ' ' || u.last_name) ilike ${pattern}
    union all
    select i.id from company_contacts c
      join interventions i on i.organization_id = ${org} and i.assigned_company_contact_id = c.id
      where c.organization_id = ${org} and (c.first_name || ' ' || c.last_name) ilike ${pattern}
    union all
    select i.id from companies co join interventions i on i.organization_id = ${org} and i.company_id = co.id
      where co.organization_id = ${org} and co.name ilike ${pattern})`;
}
