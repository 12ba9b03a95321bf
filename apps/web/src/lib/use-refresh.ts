"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "./trpc";

/** After a change: everything that shows interventions, anomalies, sites or notifications is read again. */
export function useRefreshAfterChange() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.interventions.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.anomalies.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    ]);
}
