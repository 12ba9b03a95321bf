import { LOCALES, type Locale } from "@interventions/domain";

export type { Locale };

/** Before anyone signs in, for a browser asking for no language the dashboard speaks: its users' own. */
export const FALLBACK_LOCALE: Locale = "fr";

/** How each language writes dates and numbers: English the British way (day, month, year; 24-hour clock). */
const INTL_LOCALES: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

export function intlLocaleOf(locale: string): string {
  return isLocale(locale) ? INTL_LOCALES[locale] : INTL_LOCALES[FALLBACK_LOCALE];
}

/**
 * The first language of an Accept-Language header the dashboard speaks, by quality then order
 * (`fr-CA;q=0.8, en;q=0.9` → en); null when it asks for none of them (`*` names no language).
 */
export function browserLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .slice(0, 50)
    .map((range, index) => {
      const [tag = "", ...parameters] = range.trim().split(";");
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => /^q=/i.test(parameter));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { language: tag.trim().toLowerCase().split("-")[0], quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale) ?? null;
}

/** The dashboard's language: the user's saved choice, else the browser's, else the organization's default. */
export function resolveLocale(sources: {
  chosen: Locale | null;
  acceptLanguage: string | null;
  organizationDefault: string | null;
}): Locale {
  return (
    sources.chosen ??
    browserLocale(sources.acceptLanguage) ??
    (isLocale(sources.organizationDefault) ? sources.organizationDefault : FALLBACK_LOCALE)
  );
}
