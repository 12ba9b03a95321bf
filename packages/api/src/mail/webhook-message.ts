import { z } from "zod";
import type { Locale } from "./message-kinds";
import { layoutMessage, type RenderedMessage } from "./message-layout";

/** Told to an organization's admins about its webhook subscriptions. */
export const WebhookMessageKind = { webhookDisabled: "webhookDisabled" } as const;
export type WebhookMessageKind = (typeof WebhookMessageKind)[keyof typeof WebhookMessageKind];
export const webhookMessageKindSchema = z.enum(WebhookMessageKind);

/** What the message says, captured when the subscription was turned off. */
export const webhookPayloadSchema = z.object({
  webhook: z.object({ url: z.string(), failingSince: z.iso.datetime(), lastError: z.string().nullable() }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

const WORDING: Record<
  Locale,
  {
    subject: string;
    lead: string;
    greeting: (name: string | null) => string;
    labels: { url: string; since: string; error: string };
    unknown: string;
    link: string;
    colon: string;
    dateLocale: string;
  }
> = {
  fr: {
    subject: "Webhook désactivé : ses envois échouent depuis trois jours",
    lead: "Les envois à ce webhook échouent depuis trois jours : il ne reçoit plus rien. Réactivez-le une fois le serveur du partenaire réparé.",
    greeting: (name) => (name ? `Bonjour ${name},` : "Bonjour,"),
    labels: { url: "Adresse", since: "En échec depuis le", error: "Dernière erreur" },
    unknown: "inconnue",
    link: "Voir les webhooks",
    colon: " : ",
    dateLocale: "fr-FR",
  },
  en: {
    subject: "Webhook turned off: its deliveries have failed for three days",
    lead: "Deliveries to this webhook have failed for three days, so it receives nothing more. Turn it back on once the partner's server is mended.",
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    labels: { url: "Address", since: "Failing since", error: "Last error" },
    unknown: "unknown",
    link: "View the webhooks",
    colon: ": ",
    dateLocale: "en-GB",
  },
};

/** The in-app notification's title: the e-mail's subject. */
export const webhookTitle = (locale: Locale) => WORDING[locale].subject;

export function renderWebhookMessage(input: {
  locale: Locale;
  recipientName: string | null;
  payload: WebhookPayload;
  organization: { name: string; timeZone: string };
  appUrl: string;
}): RenderedMessage {
  const words = WORDING[input.locale];
  const { webhook } = input.payload;
  const when = new Intl.DateTimeFormat(words.dateLocale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: input.organization.timeZone,
  });
  return layoutMessage({
    locale: input.locale,
    subject: words.subject,
    greeting: words.greeting(input.recipientName),
    lead: words.lead,
    facts: [
      [words.labels.url, webhook.url],
      [words.labels.since, when.format(new Date(webhook.failingSince))],
      [words.labels.error, webhook.lastError ?? words.unknown],
    ],
    link: { label: words.link, url: `${input.appUrl.replace(/\/+$/, "")}/webhooks` },
    colon: words.colon,
    organizationName: input.organization.name,
  });
}
