"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { useTranslations } from "next-intl";
import { useFormats } from "../../../../components/use-formats";
import { useHistoryLabels, useLabels } from "../../../../lib/labels";
import { ASSIGNEE_LINE, describeChanges, type ValueWords } from "./history-words";

type Detail = RouterOutputs["interventions"]["get"];

/** The intervention's history: one entry per event, one line per change, each in words with names. */
export function InterventionHistory({ history, names }: { history: Detail["history"]; names: Detail["historyNames"] }) {
  const t = useTranslations("detail");
  const label = useLabels();
  const historyLabel = useHistoryLabels();
  const { dateTime } = useFormats();
  const gone: Record<keyof Detail["historyNames"], string> = {
    profile: t("historyWords.goneProfile"),
    contact: t("historyWords.goneContact"),
    company: t("historyWords.goneCompany"),
    siteRule: t("historyWords.goneSiteRule"),
    site: t("historyWords.goneSite"),
    rule: t("historyWords.goneRule"),
  };
  const words: ValueWords = {
    none: t("historyWords.none"),
    nobody: t("historyWords.nobody"),
    yes: t("historyWords.yes"),
    no: t("historyWords.no"),
    gone: (kind) => gone[kind],
    added: (name) => t("historyWords.added", { name }),
    removed: (name) => t("historyWords.removed", { name }),
    status: (value) => label("status", value),
    creationStatus: (value) => label("creationStatus", value),
    dateTime: (iso) => dateTime(iso),
  };

  return (
    <section aria-labelledby="history-heading" id="history">
      <h2 id="history-heading">{t("history")}</h2>
      <ol className="timeline">
        {history.map((event) => {
          const changes = describeChanges(
            (event.changes ?? {}) as Record<string, { from: unknown; to: unknown }>,
            names,
            words,
          );
          return (
            <li key={event.id}>
              <strong>{historyLabel.action(event.action)}</strong>{" "}
              <span className="muted">
                {event.actorName
                  ? t("occurredBy", { date: dateTime(event.occurredAt), name: event.actorName })
                  : dateTime(event.occurredAt)}
              </span>
              {changes.length > 0 ? (
                <ul className="changes">
                  {changes.map((said) => {
                    const { field } = said;
                    const name = field === ASSIGNEE_LINE ? t("assignedTo") : historyLabel.field(field);
                    return (
                      <li key={field}>
                        {said.from === null
                          ? t("historyWords.listChange", { field: name, changes: said.to })
                          : t("change", { field: name, from: said.from, to: said.to })}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
