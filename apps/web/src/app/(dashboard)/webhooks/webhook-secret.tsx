"use client";

import { useEffect, useId, useRef, useState } from "react";

/** A subscription just made, with the secret the server gives this once and never again. */
export interface CreatedWebhook {
  url: string;
  secret: string;
}

const TEXT = {
  region: "The new webhook's signing secret",
  added: (url: string) => `The webhook to ${url} is added.`,
  warning: "Copy its signing secret now: it will not be shown again.",
  explain:
    "The partner's server checks the signature of every delivery with it. If it is lost, add the webhook again and turn this one off.",
  secret: "Signing secret",
  copy: "Copy the secret",
  copied: "Copied.",
  copyFailed: "It could not be copied from here: select it and copy it by hand.",
  dismiss: "I have copied it",
};

/** Shown once, right after creation, and taking the focus so that a screen reader reads it out. */
export function WebhookSecret({ created, onDismiss }: { created: CreatedWebhook; onDismiss: () => void }) {
  const panel = useRef<HTMLElement>(null);
  const secretId = useId();
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  useEffect(() => panel.current?.focus(), []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <section ref={panel} tabIndex={-1} aria-label={TEXT.region} className="banner warning stack webhook-secret">
      <p>
        {TEXT.added(created.url)} <strong>{TEXT.warning}</strong>
      </p>
      <p>{TEXT.explain}</p>
      <div className="field">
        <label htmlFor={secretId}>
          <span>{TEXT.secret}</span>
        </label>
        <input
          id={secretId}
          readOnly
          value={created.secret}
          spellCheck={false}
          className="secret"
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="row">
        <button type="button" onClick={copySecret}>
          {TEXT.copy}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {TEXT.dismiss}
        </button>
        {copy ? <span aria-live="polite">{copy === "copied" ? TEXT.copied : TEXT.copyFailed}</span> : null}
      </div>
    </section>
  );
}
