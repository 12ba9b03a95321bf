import { describeSession } from "@interventions/api/services";
import type { ReactNode } from "react";
import { AppHeader } from "../../components/app-header";
import { SessionProvider } from "../../components/use-session";
import { requireActor, serviceContextFor } from "../../lib/session";
import { DataProvider } from "../../lib/trpc";

/** Every dashboard page needs a valid session; the proxy has already sent cookie-less visitors to sign in. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor("/");
  const session = await describeSession({ ctx: await serviceContextFor(actor) });
  // A new cache per organization: nothing read in one shows in another after a switch.
  return (
    <SessionProvider session={session}>
      <DataProvider key={actor.organizationId}>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <AppHeader />
        <main id="content" className="page">
          {children}
        </main>
      </DataProvider>
    </SessionProvider>
  );
}
