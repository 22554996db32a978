import { catalogRouter } from "./routers/catalog";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  catalog: catalogRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, React server components): `createCaller(createContextInner({ db }))`. */
export const createCaller = createCallerFactory(appRouter);
