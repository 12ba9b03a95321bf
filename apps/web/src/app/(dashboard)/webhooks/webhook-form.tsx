"use client";

import { createWebhookInput, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@interventions/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Field } from "../../../components/field";
import { FormFeedback } from "../../../components/form-feedback";
import { fieldIssuesOf } from "../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, validateWith } from "../../../lib/form-validation";
import { WEBHOOK_EVENT_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { type CreatedWebhook, WebhookSecret } from "./webhook-secret";

const TEXT = {
  heading: "Add a webhook",
  url: "Endpoint URL",
  urlHint: "Where the partner's server receives the events, such as https://partner.example/webhooks.",
  urlMissing: "Enter the URL the events are posted to.",
  events: "Events",
  eventsHint: "None ticked: every event, including kinds added later.",
  submit: "Add the webhook",
};

/** Subscribes an endpoint; its secret is shown once, right after. */
export function WebhookForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const eventsHintId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const mutation = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (webhook) => {
        setCreated({ url: webhook.url, secret: webhook.secret });
        setUrl("");
        setEvents([]);
        return queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
      },
      onError: (error) => {
        // Committed now, not at React's next turn: the focus must find the field marked invalid.
        flushSync(() => setErrors(fieldIssuesOf(error)));
        focusFirstInvalid(formRef.current);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.reset();
    const values = {
      url: url.trim(),
      // In the documented order; none ticked means every event.
      events: events.length === 0 ? undefined : WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type)),
    };
    const checked = values.url
      ? validateWith(createWebhookInput, values)
      : { ok: false as const, errors: { url: TEXT.urlMissing } };
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    mutation.mutate(checked.value);
  }

  const toggle = (type: WebhookEventType, checked: boolean) =>
    setEvents((current) => (checked ? [...current, type] : current.filter((value) => value !== type)));

  return (
    <section className="card webhook-form" aria-labelledby={headingId}>
      <h2 id={headingId}>{TEXT.heading}</h2>
      {created ? <WebhookSecret key={created.secret} created={created} onDismiss={() => setCreated(null)} /> : null}
      <form ref={formRef} onSubmit={submit} aria-labelledby={headingId} className="stack" noValidate>
        <FormFeedback error={mutation.error} success={null} />
        <Field label={TEXT.url} hint={TEXT.urlHint} error={errors.url}>
          {(props) => (
            <input
              {...props}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              className="webhook-url-input"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
        <fieldset
          aria-describedby={errors.events ? `${eventsHintId} ${eventsHintId}-error` : eventsHintId}
          aria-invalid={Boolean(errors.events)}
        >
          <legend>{TEXT.events}</legend>
          <p id={eventsHintId} className="hint muted">
            {TEXT.eventsHint}
          </p>
          <div className="checks">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  onChange={(event) => toggle(type, event.target.checked)}
                />
                {WEBHOOK_EVENT_LABELS[type]}
              </label>
            ))}
          </div>
          {errors.events ? (
            <span id={`${eventsHintId}-error`} className="field-error">
              {errors.events}
            </span>
          ) : null}
        </fieldset>
        <div>
          <button type="submit" disabled={mutation.isPending}>
            {TEXT.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
