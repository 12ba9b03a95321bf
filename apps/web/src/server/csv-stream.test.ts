import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvDateTime, csvStream } from "./csv-stream";

const read = async (stream: ReadableStream<Uint8Array>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

async function* of(...batches: (string | number | null)[][][]) {
  yield* batches;
}

describe("csvStream", () => {
  it("writes a BOM, the header and CRLF lines", async () => {
    const text = await read(csvStream(["A", "B"], of([[1, "x"]], [[2, null]])));
    expect(text).toBe("\uFEFFA,B\r\n1,x\r\n2,\r\n");
  });

  it("quotes commas, quotes and line breaks, and reads back as written", async () => {
    const cell = 'Hello, "world"\nsecond line';
    const text = await read(csvStream(["A"], of([[cell]])));
    expect(text).toContain('"Hello, ""world""\nsecond line"');
    expect(parse(text.slice(1))).toEqual([["A"], [cell]]);
  });

  it("prefixes with a quote the cells a spreadsheet would run as formulas", async () => {
    const cells = ['=HYPERLINK("http://x")', "+33 6 12", "-1+1", "@SUM(A1)", "plain"];
    const text = await read(csvStream(["A"], of(cells.map((cell) => [cell]))));
    expect(parse(text.slice(1)).slice(1)).toEqual([
      ['\'=HYPERLINK("http://x")'],
      ["'+33 6 12"],
      ["'-1+1"],
      ["'@SUM(A1)"],
      ["plain"],
    ]);
  });

  it("reads a batch only when the reader takes the previous one", async () => {
    let read = 0;
    async function* counted() {
      for (let batch = 0; batch < 100; batch += 1) {
        read += 1;
        yield [[batch]];
      }
    }
    const reader = csvStream(["A"], counted()).getReader();
    await reader.read();
    await reader.read();
    expect(read).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});

describe("csvDateTime", () => {
  it("writes the organization's wall-clock time, sortable", () => {
    expect(csvDateTime("2026-12-02T07:00:00Z", "Europe/Paris")).toBe("2026-12-02 08:00");
    expect(csvDateTime("2026-07-02T07:00:00Z", "Europe/Paris")).toBe("2026-07-02 09:00");
    expect(csvDateTime(null, "Europe/Paris")).toBe("");
  });
});
