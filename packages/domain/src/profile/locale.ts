import { z } from "zod";

/** The languages the dashboard, its notices and its e-mails speak; a user's and an organization's are one of them. */
export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

/** A user's choice of language, saved on their profile: it then wins over the browser's and the organization's. */
export const setLocaleInput = z.strictObject({ locale: localeSchema });
export type SetLocaleInput = z.infer<typeof setLocaleInput>;
