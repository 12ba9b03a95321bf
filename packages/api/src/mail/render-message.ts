import { WORDING } from "./catalogue";
import type { Locale, MessageKind, MessagePayload } from "./message-kinds";
import { layoutMessage, type RenderedMessage } from "./message-layout";

export interface MessageInput {
  kind: MessageKind;
  locale: Locale;
  interventionId: number;
  recipientName: string | null;
  payload: MessagePayload;
  organization: { name: string; timeZone: string };
  /** The dashboard's base URL, without a trailing slash. */
  appUrl: string;
}

/** The dashboard page of an intervention, the link every message carries. */
export function interventionUrl(appUrl: string, interventionId: number): string {
  return `${appUrl.replace(/\/+$/, "")}/interventions/${interventionId}`;
}

/** The title of an in-app notification: the e-mail's subject, without the organization. */
export function notificationTitle(kind: MessageKind, locale: Locale, interventionId: number): string {
  return WORDING[locale].subject[kind](interventionId);
}

/** One message about an intervention, in the recipient's language and the organization's dates. */
export function renderMessage(input: MessageInput): RenderedMessage {
  const words = WORDING[input.locale];
  const { payload } = input;
  const when = new Intl.DateTimeFormat(words.dateLocale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: input.organization.timeZone,
  });
  const schedule = words.schedule(
    when.format(new Date(payload.intervention.scheduledStart)),
    when.format(new Date(payload.intervention.scheduledEnd)),
  );
  const typeLabel = words.type[payload.intervention.type] ?? words.labels.intervention;
  const facts: [string, string][] = [
    [words.labels.intervention, `${typeLabel} ${words.number(input.interventionId)}`],
    [words.labels.schedule, schedule],
  ];
  if (payload.intervention.description) facts.push([words.labels.description, payload.intervention.description]);
  if (payload.fields && payload.fields.length > 0) {
    const names = [...new Set(payload.fields.map((field) => words.fields[field] ?? field))];
    facts.push([words.changedFields, names.join(", ")]);
  }
  if (payload.reason) facts.push([words.labels.reason, payload.reason]);
  if (payload.comment) facts.push([words.labels.comment, payload.comment]);

  return layoutMessage({
    locale: input.locale,
    subject: words.subject[input.kind](input.interventionId),
    greeting: words.greeting(input.recipientName),
    lead: words.lead[input.kind],
    facts,
    link: { label: words.link, url: interventionUrl(input.appUrl, input.interventionId) },
    colon: words.colon,
    organizationName: input.organization.name,
  });
}
