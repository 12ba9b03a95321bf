import { exportInterventionsInput } from "@interventions/domain";
import { getTimeZone, getTranslations } from "next-intl/server";
import { memberName } from "../../../../lib/labels";
import { getActor, serviceContextFor } from "../../../../lib/session";
import { csvDay, csvResponse } from "../../../../server/csv-stream";
import { interventionsCsv } from "../../../../server/interventions-csv";
import { readUrlFilters, toQueryFilters } from "../list-filters";

/**
 * The interventions list as filtered on the page (the same address parameters, the search included) as a CSV
 * file, every page of it, streamed batch by batch.
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
  const filters = readUrlFilters(new URL(request.url).searchParams);
  const parsed = exportInterventionsInput.safeParse({
    ...toQueryFilters(filters, timeZone),
    order: filters.order,
    limit: 500,
  });
  if (!parsed.success) return new Response(t("badFilters"), { status: 400 });
  const header = [
    t("number"),
    t("type"),
    t("status"),
    t("scheduledStart"),
    t("scheduledEnd"),
    t("actualEnd"),
    t("sites"),
    t("description"),
    t("assignee"),
    t("company"),
  ];
  // Each type's and status's word looked up once, not once a row.
  const known = new Map<string, string>();
  const word = (kind: "type" | "status", value: number) => {
    const key = `${kind}.${value}`;
    let said = known.get(key);
    if (said === undefined) {
      const name = memberName(kind, value);
      said = name ? labels(`${kind}.${name}` as never) : `#${value}`;
      known.set(key, said);
    }
    return said;
  };
  const stream = interventionsCsv(ctx, parsed.data, { header, word, timeZone });
  return csvResponse(stream, `${t("interventionsFile")}-${csvDay(ctx.now, timeZone)}.csv`);
}
