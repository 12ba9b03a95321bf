import type { ReactNode } from "react";
import { describeError } from "../lib/errors";

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" aria-live="polite" className="muted">
      Loading {what}…
    </p>
  );
}

export function ErrorBanner({ error }: { error: unknown }) {
  return (
    <div role="alert" className="banner error">
      {describeError(error)}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}
