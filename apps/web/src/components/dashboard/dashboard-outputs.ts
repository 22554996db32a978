import type { AppRouter } from "@jewelguide/api";
import type { inferRouterOutputs } from "@trpc/server";

/** What each dashboard procedure returns, as the page hands it to its sections (no database types in the UI). */
export type DashboardOutputs = inferRouterOutputs<AppRouter>["dashboard"];
