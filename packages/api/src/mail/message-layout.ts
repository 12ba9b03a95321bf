import type { Locale } from "./message-kinds";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

/** What every message says, in this order: a greeting, one sentence, the facts, the link, who sends it. */
export interface MessageParts {
  locale: Locale;
  subject: string;
  greeting: string;
  lead: string;
  facts: readonly [label: string, value: string][];
  link: { label: string; url: string };
  /** Between a label and its value: French puts a space before the colon. */
  colon: string;
  organizationName: string;
}

/** One message in plain text and in HTML, saying the same things. */
export function layoutMessage(parts: MessageParts): RenderedMessage {
  const text = [
    parts.greeting,
    "",
    parts.lead,
    "",
    ...parts.facts.map(([label, value]) => `${label}${parts.colon}${value}`),
    "",
    `${parts.link.label}${parts.colon}${parts.link.url}`,
    "",
    `— ${parts.organizationName}`,
    "",
  ].join("\n");
  const rows = parts.facts
    .map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${multiline(value)}</td></tr>`)
    .join("");
  const html = `<!doctype html>
<html lang="${parts.locale}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body>
<p>${escapeHtml(parts.greeting)}</p>
<p>${escapeHtml(parts.lead)}</p>
<table cellpadding="4">${rows}</table>
<p><a href="${escapeHtml(parts.link.url)}">${escapeHtml(parts.link.label)}</a></p>
<p>— ${escapeHtml(parts.organizationName)}</p>
</body></html>
`;
  return { subject: `[${parts.organizationName}] ${parts.subject}`, text, html };
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
