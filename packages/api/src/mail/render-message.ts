import { WORDING } from "./catalogue";
import type { Locale, MessageKind, MessagePayload } from "./message-kinds";

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

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** The dashboard page of an intervention, the link every message carries. */
export function interventionUrl(appUrl: string, interventionId: number): string {
  return `${appUrl.replace(/\/+$/, "")}/interventions/${interventionId}`;
}

/** The title of an in-app notification: the e-mail's subject, without the organization. */
export function notificationTitle(kind: MessageKind, locale: Locale, interventionId: number): string {
  return WORDING[locale].subject[kind](interventionId);
}

/** One message in plain text and in HTML, saying the same things, in the recipient's language. */
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

  const url = interventionUrl(input.appUrl, input.interventionId);
  const greeting = words.greeting(input.recipientName);
  const lead = words.lead[input.kind];
  const text = [
    greeting,
    "",
    lead,
    "",
    ...facts.map(([label, value]) => `${label}${words.colon}${value}`),
    "",
    `${words.link}${words.colon}${url}`,
    "",
    `— ${input.organization.name}`,
    "",
  ].join("\n");
  const rows = facts
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${multiline(value)}</td></tr>`)
    .join("");
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(words.subject[input.kind](input.interventionId))}</title></head>
<body>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead)}</p>
<table cellpadding="4">${rows}</table>
<p><a href="${escapeHtml(url)}">${escapeHtml(words.link)}</a></p>
<p>— ${escapeHtml(input.organization.name)}</p>
</body></html>
`;
  return { subject: `[${input.organization.name}] ${words.subject[input.kind](input.interventionId)}`, text, html };
}

/** Everything in a message that comes from a person or the database goes through here. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function multiline(value: string): string {
  return escapeHtml(value).replaceAll("\n", "<br>");
}
