"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { Operation, roleAllows } from "@interventions/domain";
import { createContext, createElement, type ReactNode, useContext } from "react";

export type SessionDescription = RouterOutputs["session"]["me"];

const SessionContext = createContext<SessionDescription | null>(null);

/** The layout reads the session once, on the server; every component of the page gets it from here. */
export function SessionProvider({ session, children }: { session: SessionDescription; children: ReactNode }) {
  return createElement(SessionContext.Provider, { value: session }, children);
}

/** The signed-in user's organization and role; what pages offer follows it (the server checks it again). */
export function useSession() {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession outside the dashboard's SessionProvider");
  return {
    me,
    timeZone: me.organization.timeZone,
    can: (operation: Operation) => roleAllows(me.role, operation),
  };
}

export { Operation };
