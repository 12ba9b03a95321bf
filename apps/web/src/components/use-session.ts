"use client";

import { Operation, roleAllows } from "@interventions/domain";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc";

/** The signed-in user's organization and role; what pages offer follows it (the server checks it again). */
export function useSession() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.session.me.queryOptions());
  return {
    me: data,
    timeZone: data?.organization.timeZone ?? "UTC",
    can: (operation: Operation) => (data ? roleAllows(data.role, operation) : false),
  };
}

export { Operation };
