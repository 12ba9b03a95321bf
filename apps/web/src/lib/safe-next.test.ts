import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeNext("/interventions?type=1&status=2")).toBe("/interventions?type=1&status=2");
    expect(safeNext("/planning")).toBe("/planning");
  });

  it("refuses whatever a browser would resolve to another site", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(safeNext(next), next).toBe("/interventions");
    }
  });

  it("keeps an encoded tab in the path on this site, as URL parsing does", () => {
    expect(safeNext("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it("takes the first of repeated parameters, and a fallback for anything else", () => {
    expect(safeNext(["/sites", "/planning"])).toBe("/sites");
    expect(safeNext(undefined, "/x")).toBe("/x");
  });
});
