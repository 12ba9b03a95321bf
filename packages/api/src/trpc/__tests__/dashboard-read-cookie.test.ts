import { describe, expect, it } from "vitest";
import { ORGANIZATION_COOKIE, readCookie, SESSION_COOKIE } from "../../auth/browser-session";

// readCookie: the one parser between the Cookie header and the dashboard's session.

describe("readCookie", () => {
  it("names the dashboard's two cookies", () => {
    expect(SESSION_COOKIE).toBe("interventions_session");
    expect(ORGANIZATION_COOKIE).toBe("interventions_organization");
  });

  it("finds a cookie among several, whatever its position and the spaces around it", () => {
    const header = "theme=dark; interventions_session=abc.def.ghi;interventions_organization=2 ;  lang=fr";
    expect(readCookie(header, "theme")).toBe("dark");
    expect(readCookie(header, SESSION_COOKIE)).toBe("abc.def.ghi");
    expect(readCookie(header, ORGANIZATION_COOKIE)).toBe("2");
    expect(readCookie(header, "lang")).toBe("fr");
  });

  it("null when the header is absent, empty, or lacks that cookie", () => {
    expect(readCookie(null, SESSION_COOKIE)).toBeNull();
    expect(readCookie("", SESSION_COOKIE)).toBeNull();
    expect(readCookie("theme=dark; lang=fr", SESSION_COOKIE)).toBeNull();
  });

  it("matches the whole name: neither a prefix, a suffix nor another case", () => {
    const header = "interventions_session_old=1; my_interventions_session=2; INTERVENTIONS_SESSION=3";
    expect(readCookie(header, SESSION_COOKIE)).toBeNull();
    expect(readCookie(`${header}; interventions_session=4`, SESSION_COOKIE)).toBe("4");
  });

  it("decodes percent-encoded values", () => {
    expect(readCookie("name=Ren%C3%A9%20%3B%20%3D", "name")).toBe("René ; =");
    expect(readCookie(`x=${encodeURIComponent("a=b; c,d é")}`, "x")).toBe("a=b; c,d é");
  });

  it("keeps '=' inside a value (base64 padding, JWT-like tokens)", () => {
    expect(readCookie("t=YWJj==; u=a=b=c", "t")).toBe("YWJj==");
    expect(readCookie("t=YWJj==; u=a=b=c", "u")).toBe("a=b=c");
  });

  it("an empty value is an empty string, a bare name without '=' too", () => {
    expect(readCookie("interventions_session=; b=1", SESSION_COOKIE)).toBe("");
    expect(readCookie("interventions_session; b=1", SESSION_COOKIE)).toBe("");
  });

  it("the first of two cookies of the same name wins (the most specific path comes first)", () => {
    expect(readCookie("a=first; a=second", "a")).toBe("first");
  });

  it("ignores stray separators", () => {
    expect(readCookie(";; ;a=1;;", "a")).toBe("1");
  });

  it("a malformed escape in another cookie does not matter", () => {
    expect(readCookie("tracker=%E0%A4%A; a=1", "a")).toBe("1");
  });
});
