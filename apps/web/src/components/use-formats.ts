"use client";

import { useLocale } from "next-intl";
import { formatDateTime, formatDay, formatMonth } from "../lib/dates";
import { useSession } from "./use-session";

/** Dates in the page's language and the organization's time zone, and numbers the way the language writes them. */
export function useFormats() {
  const locale = useLocale();
  const { timeZone } = useSession();
  return {
    locale,
    timeZone,
    dateTime: (iso: string | Date | null | undefined) => formatDateTime(iso, timeZone, locale),
    day: (day: string) => formatDay(day, locale),
    month: (month: string) => formatMonth(month, locale),
  };
}
