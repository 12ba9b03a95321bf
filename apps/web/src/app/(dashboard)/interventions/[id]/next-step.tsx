"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { AnomalyStatus, InterventionStatus, InterventionType, Operation } from "@interventions/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSession } from "../../../../components/use-session";

type Detail = RouterOutputs["interventions"]["get"];

/** The address of a form prefilled from a rejected intervention: the ids it starts from, and where it came from. */
function prefilled(path: string, name: string, ids: readonly number[], after: number): string {
  const query = new URLSearchParams(ids.map((id) => [name, String(id)]));
  query.set("after", String(after));
  return `${path}?${query.toString()}`;
}

/**
 * After a rejection, what comes next: the re-check (a preventive on the same site rules) and the repair (a
 * curative for the open anomalies it found, or those a rejected repair left open), each on its form, prefilled.
 */
export function NextStep({ data }: { data: Detail }) {
  const t = useTranslations("detail");
  const { can } = useSession();
  const { intervention } = data;
  if (intervention.status !== InterventionStatus.rejected) return null;
  const siteRuleIds = intervention.type === InterventionType.preventive ? data.siteRules.map((rule) => rule.id) : [];
  const openAnomalies =
    intervention.type === InterventionType.curative
      ? data.anomalies.filter((anomaly) => anomaly.status === AnomalyStatus.open).map((anomaly) => anomaly.id)
      : data.foundAnomalies.map((anomaly) => anomaly.id);
  const recheck = siteRuleIds.length > 0 && can(Operation.planPreventive);
  const repair = openAnomalies.length > 0 && can(Operation.createCurative);
  if (!recheck && !repair) return null;
  return (
    <section className="card" aria-labelledby="next-step-heading">
      <h2 id="next-step-heading">{t("nextStep")}</h2>
      <p>{t("nextStepIntro")}</p>
      <p className="row">
        {recheck ? (
          <Link className="button" href={prefilled("/compliance/plan", "siteRuleId", siteRuleIds, intervention.id)}>
            {t("planRecheck")}
          </Link>
        ) : null}
        {repair ? (
          <Link className="button" href={prefilled("/anomalies", "anomaly", openAnomalies, intervention.id)}>
            {t("planRepair", { count: openAnomalies.length })}
          </Link>
        ) : null}
      </p>
    </section>
  );
}
