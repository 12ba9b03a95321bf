"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { toSearch, type UrlFilters } from "./list-filters";

/** The filters a search keeps when it is typed: all of them but the page (a new search starts at the first). */
const KEPT = ["type", "status", "siteId", "assignee", "from", "to", "order"] as const;

/**
 * The search box: words found in the number, description, site, assignee or provider, kept in the address
 * (`?q=`) with the other filters. `/` focuses it from any dashboard page (see SearchShortcut).
 */
export function SearchBox({ filters }: { filters: UrlFilters }) {
  const router = useRouter();
  const t = useTranslations("list");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Arrived here by `/` from another page.
    if (window.location.hash === "#search") input.current?.focus();
  }, []);
  return (
    <search className="search-box">
      <form
        method="get"
        action="/interventions"
        className="row"
        key={filters.q}
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
          router.push(`/interventions${toSearch({ ...filters, q, cursor: "" })}`);
        }}
      >
        {KEPT.map((name) =>
          filters[name] ? <input key={name} type="hidden" name={name} value={filters[name]} /> : null,
        )}
        <label className="field">
          <span>{t("search")}</span>
          <input
            ref={input}
            type="search"
            name="q"
            defaultValue={filters.q}
            placeholder={t("searchPlaceholder")}
            aria-keyshortcuts="/"
            data-search-box=""
            enterKeyHint="search"
          />
        </label>
        <button type="submit">{t("searchButton")}</button>
      </form>
    </search>
  );
}
