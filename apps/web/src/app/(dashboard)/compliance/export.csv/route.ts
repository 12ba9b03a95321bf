import { complianceOverview } from "@interventions/api/services";
import { getTimeZone, getTranslations } from "next-intl/server";
import { memberName } from "../../../../lib/labels";
import { getActor, serviceContextFor } from "../../../../lib/session";
import { csvDateTime, csvDay, csvResponse, csvStream } from "../../../../server/csv-stream";
import { readComplianceFilters } from "../compliance-filters";

/**
 * The compliance grid as filtered on the page, one row per site and rule: where it stands, when it was last
 * done, when it is due and the next check planned. The grid is one bounded read (sites × rules).
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response("Sign in first", { status: 401 });
  const [t, labels, timeZone, ctx] = await Promise.all([
    getTranslations("export"),
    getTranslations("labels"),
    getTimeZone(),
    serviceContextFor(actor),
  ]);
  const filters = readComplianceFilters(new URL(request.url).searchParams);
  const { obligations } = await complianceOverview({ ctx, input: { siteId: filters.siteId, ruleId: filters.ruleId } });
  const rows = obligations
    .filter((obligation) => !filters.status || obligation.status === filters.status)
    .map((obligation) => {
      const status = memberName("obligation", obligation.status);
      return [
        obligation.siteName,
        `${obligation.ruleCode} — ${obligation.ruleName}`,
        status ? labels(`obligation.${status}` as never) : obligation.status,
        csvDateTime(obligation.lastDoneAt, timeZone),
        obligation.lastDoneAt ? (obligation.pendingVerification ? t("yes") : t("no")) : "",
        csvDay(obligation.dueAt, timeZone),
        obligation.nextIntervention?.id,
        csvDateTime(obligation.nextIntervention?.scheduledStart, timeZone),
      ];
    });
  async function* batches() {
    yield rows;
  }
  const header = [
    t("site"),
    t("rule"),
    t("obligationStatus"),
    t("lastDone"),
    t("awaitingVerification"),
    t("dueOn"),
    t("nextCheck"),
    t("nextCheckStart"),
  ];
  return csvResponse(csvStream(header, batches()), `${t("complianceFile")}-${csvDay(ctx.now, timeZone)}.csv`);
}
