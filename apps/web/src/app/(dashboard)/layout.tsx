import type { ReactNode } from "react";
import { AppHeader } from "../../components/app-header";
import { requireActor } from "../../lib/session";
import { DataProvider } from "../../lib/trpc";

/** Every dashboard page needs a valid session; the proxy has already sent cookie-less visitors to sign in. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor("/interventions");
  // A new cache per organization: nothing read in one shows in another after a switch.
  return (
    <DataProvider key={actor.organizationId}>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <AppHeader />
      <main id="content" className="page">
        {children}
      </main>
    </DataProvider>
  );
}
