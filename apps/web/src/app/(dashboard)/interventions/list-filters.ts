import {
  type InterventionFiltersInput,
  InterventionStatus,
  InterventionType,
  type ListInterventionsInput,
} from "@interventions/domain";
import { addDays, zonedDayStartIso } from "../../../lib/dates";

/** The list's filters as they stand in the address bar, so that a link shows the same list. */
export interface UrlFilters {
  type: string;
  status: string;
  siteId: string;
  /** `p<profileId>` for a user, `c<contactId>` for a provider's contact. */
  assignee: string;
  /** Calendar days (YYYY-MM-DD) in the organization's time zone, both included. */
  from: string;
  to: string;
  order: "asc" | "desc";
  cursor: string;
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

const inEnum = (values: object, raw: string) =>
  (Object.values(values) as number[]).includes(Number(raw)) ? Number(raw) : undefined;
const positiveId = (raw: string) => (/^\d{1,15}$/.test(raw) ? Number(raw) : undefined);
/** A real calendar day (2026-13-01 is not one). */
export const day = (raw: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? raw : undefined;

/** The query's filters; what cannot be read from the address is ignored rather than refused. */
export function toQueryFilters(filters: UrlFilters, timeZone: string): InterventionFiltersInput {
  const from = day(filters.from);
  const to = day(filters.to);
  return {
    type: inEnum(InterventionType, filters.type) as InterventionFiltersInput["type"],
    status: inEnum(InterventionStatus, filters.status) as InterventionFiltersInput["status"],
    siteId: positiveId(filters.siteId),
    assignedProfileId: filters.assignee.startsWith("p") ? positiveId(filters.assignee.slice(1)) : undefined,
    assignedCompanyContactId: filters.assignee.startsWith("c") ? positiveId(filters.assignee.slice(1)) : undefined,
    from: from ? zonedDayStartIso(from, timeZone) : undefined,
    to: to ? zonedDayStartIso(addDays(to, 1), timeZone) : undefined,
  };
}

export function toListInput(filters: UrlFilters, timeZone: string): ListInterventionsInput {
  return {
    ...toQueryFilters(filters, timeZone),
    order: filters.order,
    cursor: filters.cursor || undefined,
    limit: 25,
  };
}
