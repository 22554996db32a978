import { ListShopperItemsInputSchema, listShopperItems } from "../services/events/list-shopper-items";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The shopper's favourites and cart, derived from their events. */
export const shopperRouter = createTRPCRouter({
  listItems: publicProcedure
    .input(ListShopperItemsInputSchema)
    .query(({ ctx, input }) => listShopperItems(ctx.db, input)),
});
