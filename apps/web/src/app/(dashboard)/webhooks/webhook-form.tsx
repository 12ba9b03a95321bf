"use client";

import { createWebhookInput, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@interventions/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Field } from "../../../components/field";
import { FormFeedback } from "../../../components/form-feedback";
import { useFieldIssues } from "../../../lib/errors";
import { type FieldErrors, focusFirstInvalid, useValidate } from "../../../lib/form-validation";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";
import { type CreatedWebhook, WebhookSecret } from "./webhook-secret";

/** Subscribes an endpoint; its secret is shown once, right after. */
export function WebhookForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("webhookForm");
  const label = useLabels();
  const validate = useValidate();
  const fieldIssues = useFieldIssues();
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
        flushSync(() => setErrors(fieldIssues(error)));
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
      ? validate(createWebhookInput, values)
      : { ok: false as const, errors: { url: t("urlMissing") } };
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
      <h2 id={headingId}>{t("heading")}</h2>
      {created ? <WebhookSecret key={created.secret} created={created} onDismiss={() => setCreated(null)} /> : null}
      <form ref={formRef} onSubmit={submit} aria-labelledby={headingId} className="stack" noValidate>
        <FormFeedback error={mutation.error} success={null} />
        <Field label={t("url")} hint={t("urlHint")} error={errors.url}>
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
          <legend>{t("events")}</legend>
          <p id={eventsHintId} className="hint muted">
            {t("eventsHint")}
          </p>
          <div className="checks">
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  onChange={(event) => toggle(type, event.target.checked)}
                />
                {label("webhookEvent", type)}
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
            {t("submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
