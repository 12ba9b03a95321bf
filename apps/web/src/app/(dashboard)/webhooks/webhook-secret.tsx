"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

/** A subscription just made, with the secret the server gives this once and never again. */
export interface CreatedWebhook {
  url: string;
  secret: string;
}

/** Shown once, right after creation, and taking the focus so that a screen reader reads it out. */
export function WebhookSecret({ created, onDismiss }: { created: CreatedWebhook; onDismiss: () => void }) {
  const panel = useRef<HTMLElement>(null);
  const secretId = useId();
  const t = useTranslations("webhookSecret");
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
    <section ref={panel} tabIndex={-1} aria-label={t("region")} className="banner warning stack webhook-secret">
      <p>
        {t("added", { url: created.url })} <strong>{t("warning")}</strong>
      </p>
      <p>{t("explain")}</p>
      <div className="field">
        <label htmlFor={secretId}>
          <span>{t("secret")}</span>
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
          {t("copy")}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t("dismiss")}
        </button>
        {copy ? <span aria-live="polite">{copy === "copied" ? t("copied") : t("copyFailed")}</span> : null}
      </div>
    </section>
  );
}
