import { z } from "zod";
import type { Locale } from "./message-kinds";
import { layoutMessage, type RenderedMessage } from "./message-layout";

/** Reminders are about an obligation (a rule on a site), not about one intervention. */
export const ReminderMessageKind = {
  obligationDueSoon: "obligationDueSoon",
  obligationOverdue: "obligationOverdue",
} as const;
export type ReminderMessageKind = (typeof ReminderMessageKind)[keyof typeof ReminderMessageKind];
export const reminderMessageKindSchema = z.enum(ReminderMessageKind);

/** What a reminder says, captured when it is given. */
export const reminderPayloadSchema = z.object({
  obligation: z.object({
    siteId: z.number().int(),
    siteName: z.string(),
    ruleId: z.number().int(),
    ruleName: z.string(),
    dueAt: z.iso.datetime(),
    /** The check planned for it, if any. */
    nextScheduledStart: z.iso.datetime().nullable(),
  }),
});
export type ReminderPayload = z.infer<typeof reminderPayloadSchema>;
type Obligation = ReminderPayload["obligation"];

interface ReminderWording {
  subject: Record<ReminderMessageKind, (obligation: Obligation, due: string) => string>;
  lead: Record<ReminderMessageKind, string>;
  greeting: (name: string | null) => string;
  labels: { site: string; rule: string; dueAt: string; planned: string };
  notPlanned: string;
  link: string;
  colon: string;
  dateLocale: string;
}

const WORDING: Record<Locale, ReminderWording> = {
  fr: {
    subject: {
      obligationDueSoon: (o, due) => `${o.ruleName} à ${o.siteName} : à faire avant le ${due}`,
      obligationOverdue: (o, due) => `${o.ruleName} à ${o.siteName} : en retard depuis le ${due}`,
    },
    lead: {
      obligationDueSoon: "Une obligation arrive à échéance bientôt.",
      obligationOverdue: "Une obligation a dépassé son échéance : le site n'est plus en règle.",
    },
    greeting: (name) => (name ? `Bonjour ${name},` : "Bonjour,"),
    labels: { site: "Site", rule: "Règle", dueAt: "Échéance", planned: "Contrôle prévu" },
    notPlanned: "aucun",
    link: "Voir la conformité du site",
    colon: " : ",
    dateLocale: "fr-FR",
  },
  en: {
    subject: {
      obligationDueSoon: (o, due) => `${o.ruleName} at ${o.siteName}: due by ${due}`,
      obligationOverdue: (o, due) => `${o.ruleName} at ${o.siteName}: overdue since ${due}`,
    },
    lead: {
      obligationDueSoon: "An obligation falls due soon.",
      obligationOverdue: "An obligation is past its due date: the site is no longer compliant.",
    },
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    labels: { site: "Site", rule: "Rule", dueAt: "Due", planned: "Check planned" },
    notPlanned: "none",
    link: "View the site's compliance",
    colon: ": ",
    dateLocale: "en-GB",
  },
};

/** The Compliance page, filtered on the obligation's site and rule. */
export function obligationUrl(appUrl: string, obligation: Pick<Obligation, "siteId" | "ruleId">): string {
  return `${appUrl.replace(/\/+$/, "")}/compliance?siteId=${obligation.siteId}&ruleId=${obligation.ruleId}`;
}

const dayOf = (locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(WORDING[locale].dateLocale, { dateStyle: "long", timeZone });

/** The in-app notification's title: the e-mail's subject, without the organization. */
export function reminderTitle(kind: ReminderMessageKind, locale: Locale, payload: ReminderPayload, timeZone: string) {
  const due = dayOf(locale, timeZone).format(new Date(payload.obligation.dueAt));
  return WORDING[locale].subject[kind](payload.obligation, due);
}

/** One reminder in plain text and in HTML, in the recipient's language and the organization's dates. */
export function renderReminder(input: {
  kind: ReminderMessageKind;
  locale: Locale;
  recipientName: string | null;
  payload: ReminderPayload;
  organization: { name: string; timeZone: string };
  appUrl: string;
}): RenderedMessage {
  const words = WORDING[input.locale];
  const { obligation } = input.payload;
  const day = dayOf(input.locale, input.organization.timeZone);
  const when = new Intl.DateTimeFormat(words.dateLocale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: input.organization.timeZone,
  });
  const facts: [string, string][] = [
    [words.labels.site, obligation.siteName],
    [words.labels.rule, obligation.ruleName],
    [words.labels.dueAt, day.format(new Date(obligation.dueAt))],
    [
      words.labels.planned,
      obligation.nextScheduledStart ? when.format(new Date(obligation.nextScheduledStart)) : words.notPlanned,
    ],
  ];
  return layoutMessage({
    locale: input.locale,
    subject: reminderTitle(input.kind, input.locale, input.payload, input.organization.timeZone),
    greeting: words.greeting(input.recipientName),
    lead: words.lead[input.kind],
    facts,
    link: { label: words.link, url: obligationUrl(input.appUrl, obligation) },
    colon: words.colon,
    organizationName: input.organization.name,
  });
}
