import { stringify } from "csv-stringify/sync";

type Cell = string | number | null | undefined;

/**
 * A CSV file as a stream for spreadsheet programs: UTF-8 with a byte order mark (so Excel reads the accents),
 * CRLF lines, quoted where a comma, quote or line break needs it, and any cell starting with = + - @ (a
 * formula to a spreadsheet) prefixed with a quote. Batches are read only when the client takes the previous
 * one (`pull`): the server holds one batch at a time, whatever the file's size.
 */
export function csvStream(header: string[], batches: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const options = { escape_formulas: true, record_delimiter: "windows" } as const;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(stringify([header], { ...options, bom: true })));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      if (next.value.length > 0) controller.enqueue(encoder.encode(stringify(next.value, options)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The response of a CSV download, named after what it holds and the day. */
export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
}

/** A date and time in the organization's zone, as a spreadsheet sorts and reads it: `2026-12-02 08:00`. */
export function csvDateTime(value: Date | string | null | undefined, timeZone: string): string {
  if (!value) return "";
  const parts = formatterIn(timeZone).formatToParts(new Date(value));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

// Built once per zone: a formatter costs far more to make than to use, and a file has three dates a row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** A calendar day in the organization's zone: `2026-12-02`. */
export const csvDay = (value: Date | string | null | undefined, timeZone: string) =>
  csvDateTime(value, timeZone).slice(0, 10);
