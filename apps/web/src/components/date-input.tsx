"use client";

import { useLocale, useTranslations } from "next-intl";
import { type InputHTMLAttributes, useEffect, useRef, useState } from "react";
import { type DateTextKind, dateOrder, formatDateText, parseDateText } from "../lib/date-text";

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "defaultValue" | "onChange" | "name">;

/**
 * A date (or date and time) typed in the page's language's order, whatever the browser's language: the form
 * keeps `2026-12-02T09:30`. What does not read as a date is handed on as typed, for the form's check to refuse.
 * Controlled (`value`, `onChange`), or in a GET form (`name`, `defaultValue`) through a hidden field.
 */
export function DateInput({
  kind,
  value,
  onChange,
  name,
  defaultValue = "",
  ...passed
}: Passed & {
  kind: DateTextKind;
  value?: string;
  onChange?: (value: string) => void;
  name?: string;
  defaultValue?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("dateField");
  const [text, setText] = useState(() => formatDateText(value ?? defaultValue, locale, kind));
  const [own, setOwn] = useState(value ?? defaultValue);
  // The value the field last handed on: a new one from outside (a prefill, a saved form) is shown anew.
  const emitted = useRef(value ?? defaultValue);
  useEffect(() => {
    if (value !== undefined && value !== emitted.current) {
      emitted.current = value;
      setText(formatDateText(value, locale, kind));
    }
  }, [value, locale, kind]);

  const { order, separator } = dateOrder(locale);
  const letters = { day: t("day"), month: t("month"), year: t("year") };
  const pattern = order.map((part) => letters[part]).join(separator) + (kind === "dateTime" ? ` ${t("time")}` : "");
  const change = (typed: string) => {
    setText(typed);
    const next = parseDateText(typed, locale, kind) ?? typed.trim();
    emitted.current = next;
    setOwn(next);
    onChange?.(next);
  };
  return (
    <>
      <input
        {...passed}
        type="text"
        autoComplete="off"
        placeholder={pattern}
        value={text}
        onChange={(event) => change(event.target.value)}
        onBlur={(event) => {
          const parsed = parseDateText(text, locale, kind);
          if (parsed) setText(formatDateText(parsed, locale, kind));
          passed.onBlur?.(event);
        }}
      />
      {name ? <input type="hidden" name={name} value={own} /> : null}
    </>
  );
}
