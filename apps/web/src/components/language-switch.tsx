"use client";

import { LOCALES, type Locale } from "@interventions/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTRPC } from "../lib/trpc";

/** Each language named in itself, so that a reader of either finds their own. */
const NAMES: Record<Locale, string> = { fr: "Français", en: "English" };

/**
 * The user's choice of language, saved on their profile: from then on it wins over the browser's, on every
 * device, and their notices and e-mails follow it. The page is drawn again in the chosen language.
 */
export function LanguageSwitch() {
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("header");
  const mutation = useMutation(trpc.session.setLocale.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <fieldset className="language-switch" aria-busy={mutation.isPending}>
      <legend className="visually-hidden">{t("language")}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="secondary"
          aria-pressed={option === locale}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ locale: option })}
        >
          {NAMES[option]}
        </button>
      ))}
      {mutation.error ? (
        <span role="alert" className="error">
          {t("languageNotSaved")}
        </span>
      ) : null}
    </fieldset>
  );
}
