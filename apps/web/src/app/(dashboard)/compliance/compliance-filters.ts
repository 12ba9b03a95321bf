import { ObligationStatus, obligationStatusSchema } from "@interventions/domain";

export interface ComplianceFilters {
  siteId?: number | undefined;
  ruleId?: number | undefined;
  status?: ObligationStatus | undefined;
}

const idOf = (value: string | null) => (value && /^\d{1,15}$/.test(value) ? Number(value) : undefined);

/** The grid's filters, as the address carries them (a shared link shows the same grid). */
export function readComplianceFilters(params: URLSearchParams): ComplianceFilters {
  return {
    siteId: idOf(params.get("siteId")),
    ruleId: idOf(params.get("ruleId")),
    status: obligationStatusSchema.safeParse(params.get("status")).data,
  };
}

export function complianceHref(filters: ComplianceFilters): string {
  const params = new URLSearchParams();
  if (filters.siteId !== undefined) params.set("siteId", String(filters.siteId));
  if (filters.ruleId !== undefined) params.set("ruleId", String(filters.ruleId));
  if (filters.status !== undefined) params.set("status", filters.status);
  const query = params.toString();
  return query ? `/compliance?${query}` : "/compliance";
}

/** The order a manager reads statuses in: what needs doing first. */
export const STATUS_ORDER: readonly ObligationStatus[] = [
  ObligationStatus.overdue,
  ObligationStatus.dueSoon,
  ObligationStatus.neverDone,
  ObligationStatus.compliant,
];
