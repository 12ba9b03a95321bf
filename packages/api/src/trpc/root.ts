import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { anomaliesRouter } from "./anomalies-router";
import { complianceRouter } from "./compliance-router";
import { homeRouter } from "./home-router";
import { createCallerFactory, createTRPCRouter } from "./init";
import { interventionsRouter } from "./interventions-router";
import { membersRouter } from "./members-router";
import { notificationsRouter } from "./notifications-router";
import { routinesRouter } from "./routines-router";
import { sessionRouter } from "./session-router";
import { sitesRouter } from "./sites-router";
import { webhooksRouter } from "./webhooks-router";

export const appRouter = createTRPCRouter({
  anomalies: anomaliesRouter,
  compliance: complianceRouter,
  home: homeRouter,
  interventions: interventionsRouter,
  notifications: notificationsRouter,
  members: membersRouter,
  routines: routinesRouter,
  session: sessionRouter,
  sites: sitesRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** For server-side callers (pages, tests); procedures never call each other through it. */
export const createCaller = createCallerFactory(appRouter);
