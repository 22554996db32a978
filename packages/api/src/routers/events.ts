import { LogEventsInputSchema } from "../services/events/event-schemas";
import { logEvents } from "../services/events/log-events";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Shopper events from the browser (impressions, views, clicks, favourites, cart, purchases), stored once per key. */
export const eventsRouter = createTRPCRouter({
  log: publicProcedure.input(LogEventsInputSchema).mutation(({ ctx, input }) => logEvents(ctx.db, input)),
});
