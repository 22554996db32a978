import { catalogRouter } from "./routers/catalog";
import { eventsRouter } from "./routers/events";
import { guideRouter } from "./routers/guide";
import { recommendationsRouter } from "./routers/recommendations";
import { shopperRouter } from "./routers/shopper";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
  recommendations: recommendationsRouter,
  guide: guideRouter,
  events: eventsRouter,
  shopper: shopperRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, React server components): `createCaller(createContextInner({ db }))`. */
export const createCaller = createCallerFactory(appRouter);
