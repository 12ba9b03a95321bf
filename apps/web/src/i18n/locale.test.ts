import { describe, expect, it } from "vitest";
import { browserLocale, intlLocaleOf, resolveLocale } from "./locale";

describe("the browser's language", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.5,fr;q=0.4", "en"],
    ["fr-CA;q=0.8, EN;q=0.9", "en"],
    ["en;q=0, fr;q=0.1", "fr"],
    ["de, *", null],
    ["", null],
    [null, null],
    ["fr;q=abc, en", "en"],
  ])("%j → %j", (header, locale) => {
    expect(browserLocale(header)).toBe(locale);
  });
});

describe("the dashboard's language", () => {
  it("is the user's choice first, whatever the browser and the organization say", () => {
    expect(resolveLocale({ chosen: "en", acceptLanguage: "fr-FR", organizationDefault: "fr" })).toBe("en");
  });

  it("else the browser's", () => {
    expect(resolveLocale({ chosen: null, acceptLanguage: "fr-FR,fr", organizationDefault: "en" })).toBe("fr");
    expect(resolveLocale({ chosen: null, acceptLanguage: "en-GB", organizationDefault: "fr" })).toBe("en");
  });

  it("else the organization's default, else French before anyone signs in", () => {
    expect(resolveLocale({ chosen: null, acceptLanguage: "de-DE", organizationDefault: "en" })).toBe("en");
    expect(resolveLocale({ chosen: null, acceptLanguage: null, organizationDefault: "fr" })).toBe("fr");
    expect(resolveLocale({ chosen: null, acceptLanguage: "de", organizationDefault: null })).toBe("fr");
  });

  it("writes English dates the British way", () => {
    expect([intlLocaleOf("en"), intlLocaleOf("fr"), intlLocaleOf("de")]).toEqual(["en-GB", "fr-FR", "fr-FR"]);
  });
});
