import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDescribeError } from "../lib/errors";

/** What is on its way, said as the page waits for it ("Loading the planning…"). */
export function Loading({ children }: { children?: ReactNode }) {
  const t = useTranslations("states");
  return (
    <p role="status" aria-live="polite" className="muted">
      {children ?? t("loading")}
    </p>
  );
}

export function ErrorBanner({ error }: { error: unknown }) {
  const describeError = useDescribeError();
  return (
    <div role="alert" className="banner error">
      {describeError(error)}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted">{children}</p>;
}
