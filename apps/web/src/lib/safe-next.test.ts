import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

const HOME = "/";

describe("safeNext", () => {
  it.each([
    ["/interventions?type=1&status=2", "/interventions?type=1&status=2"],
    ["/planning", "/planning"],
    ["/interventions/42#history", "/interventions/42#history"],
    ["/sites/3/../4", "/sites/4"],
    ["/%2e/planning", "/planning"],
    ["/interventions?from=2026-11-01T00%3A00", "/interventions?from=2026-11-01T00%3A00"],
    ["/sites?q=%C3%A9cole", "/sites?q=%C3%A9cole"],
  ])("keeps %j, a path of this site, as %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  // Each of these, resolved by a browser, leaves the site or may: the home page instead.
  it.each([
    // The review's: the resolved pathname starts with "//".
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/interventions/..//evil.example",
    "/interventions/%2e%2e//evil.example",
    "/./..//x",
    "/.//x",
    // The usual lists.
    "//x",
    "///x",
    "/\\x",
    "\\/x",
    "/%5Cx",
    "/%5cx",
    "/%2F%2Fx",
    "/%2f/x",
    "/\tx",
    "/\t/x",
    "/\n/x",
    "/\r/x",
    "/%09/x",
    "/%0a/x",
    "/%00/x",
    "/x\u0000",
    "https://x",
    "http://this.site/planning",
    "//this.site/planning",
    "javascript:alert(1)",
    "data:text/html,x",
    "x",
    "",
    " /planning",
    "/%E0%A4%A",
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBe(HOME);
  });

  it("takes the first of repeated parameters, and the fallback for anything but a string", () => {
    expect(safeNext(["/sites", "/planning"])).toBe("/sites");
    expect(safeNext(["/..//evil.example", "/planning"])).toBe(HOME);
    expect(safeNext(undefined, "/x")).toBe("/x");
    expect(safeNext(42)).toBe(HOME);
  });

  it("never answers a path a browser would read as another host", () => {
    const tricks = ["/", "//", "/..", "/.", "%2e", "%2E%2e", "\\", "%5C", "%2F", "\t", "%09", "evil.example", "x"];
    for (const a of tricks) {
      for (const b of tricks) {
        for (const c of tricks) {
          const answer = safeNext(`/${a}${b}${c}`);
          const resolved = new URL(answer, "http://this.site");
          expect(resolved.host, `/${a}${b}${c} → ${answer}`).toBe("this.site");
          expect(answer.startsWith("/") && !answer.startsWith("//") && !answer.includes("\\")).toBe(true);
        }
      }
    }
  });
});
