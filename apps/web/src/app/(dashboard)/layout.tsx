import { describeSession } from "@interventions/api/services";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "../../components/app-header";
import { SearchShortcut } from "../../components/search-shortcut";
import { SessionProvider } from "../../components/use-session";
import { requireActor, serviceContextFor } from "../../lib/session";
import { DataProvider } from "../../lib/trpc";

/** Every dashboard page needs a valid session; the proxy has already sent cookie-less visitors to sign in. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor("/");
  const [session, t] = await Promise.all([
    describeSession({ ctx: await serviceContextFor(actor) }),
    getTranslations("layout"),
  ]);
  // A new cache per organization: nothing read in one shows in another after a switch.
  return (
    <SessionProvider session={session}>
      <DataProvider key={actor.organizationId}>
        <a className="skip-link" href="#content">
          {t("skipToContent")}
        </a>
        <AppHeader />
        <SearchShortcut />
        <main id="content" className="page">
          {children}
        </main>
      </DataProvider>
    </SessionProvider>
  );
}
