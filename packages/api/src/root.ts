import { catalogRouter } from "./routers/catalog";
import { dashboardRouter } from "./routers/dashboard";
import { eventsRouter } from "./routers/events";
import { guideRouter } from "./routers/guide";
import { recommendationsRouter } from "./routers/recommendations";
import { shopperRouter } from "./routers/shopper";
import { staffAuthRouter } from "./routers/staff-auth";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  recommendations: recommendationsRouter,
  guide: guideRouter,
  events: eventsRouter,
  shopper: shopperRouter,
  staffAuth: staffAuthRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, React server components): `createCaller(createContextInner({ runtime }))`. */
export const createCaller = createCallerFactory(appRouter);
