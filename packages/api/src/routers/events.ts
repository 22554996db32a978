import { rateLimited } from "../security/rate-limit/rate-limited";
import { issueShopperIdentity } from "../security/shopper-identity";
import { LogEventsInputSchema, type LogEventsOutput } from "../services/events/event-schemas";
import { logEvents } from "../services/events/log-events";
import { createTRPCRouter, publicProcedure } from "../trpc";

/**
 * Shopper events from the browser (impressions, views, clicks, favourites, cart, purchases), stored once per key, for
 * the request's verified shopper. A request without a valid shopper cookie gets a new anonymous shopper, its signed
 * cookie set on the response. Simulated only when the worker token authenticated the request. Rate limited three ways
 * (rate-limit-policies.ts): per request, per event in the batch, and per purchase line, so a client cannot pack a
 * flood into few large batches.
 */
export const eventsRouter = createTRPCRouter({
  log: publicProcedure
    .use(rateLimited("events"))
    .input(LogEventsInputSchema)
    .use(rateLimited("eventItems", (input) => (input as LogEventsOutput).events.length))
    .use(rateLimited("purchases", (input) => countPurchases(input as LogEventsOutput)))
    .mutation(({ ctx, input }) => {
      ctx.shopper ??= issueShopperIdentity(ctx);
      return logEvents(ctx.db, input, {
        shopper: ctx.shopper,
        simulated: ctx.client.isWorker,
        attributionKey: ctx.secrets.attributionKey,
      });
    }),
});

function countPurchases(input: LogEventsOutput): number {
  return input.events.reduce((count, event) => count + (event.type === "purchase" ? 1 : 0), 0);
}
