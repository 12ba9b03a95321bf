import type { ServiceContext } from "@interventions/api";
import { exportInterventions } from "@interventions/api/services";
import type { InterventionStatus, InterventionType } from "@interventions/domain";
import { csvDateTime, csvStream } from "./csv-stream";

type ExportQuery = Parameters<typeof exportInterventions>[0]["input"];

/** What the file says in the reader's language: its column headers and the words of types and statuses. */
export interface CsvWords {
  header: string[];
  word: (kind: "type" | "status", value: InterventionType | InterventionStatus) => string;
  timeZone: string;
}

/** The interventions list as filtered, as CSV: one batch of rows read (after a keyset cursor) per chunk sent. */
export function interventionsCsv(ctx: ServiceContext, query: ExportQuery, words: CsvWords) {
  async function* batches() {
    let cursor: string | undefined;
    do {
      const page = await exportInterventions({ ctx, input: { ...query, cursor } });
      yield page.items.map((item) => [
        item.id,
        words.word("type", item.type),
        words.word("status", item.status),
        csvDateTime(item.scheduledStart, words.timeZone),
        csvDateTime(item.scheduledEnd, words.timeZone),
        csvDateTime(item.actualEnd, words.timeZone),
        item.siteNames.join(", "),
        item.description,
        item.assigneeName,
        item.companyName,
      ]);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return csvStream(words.header, batches());
}
