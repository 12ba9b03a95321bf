import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import type { Locale } from "./locale";

/** Every word of the dashboard, per language; the catalogues' test keeps them the same keys, all used. */
export const CATALOGUES = { fr, en } satisfies Record<Locale, typeof en>;

export function catalogueOf(locale: Locale): typeof en {
  return CATALOGUES[locale];
}
