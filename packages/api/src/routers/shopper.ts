import { ListShopperItemsInputSchema, listShopperItems } from "../services/events/list-shopper-items";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The request's own shopper's favourites and cart (ctx.shopper, from the signed cookie), derived from their events. */
export const shopperRouter = createTRPCRouter({
  listItems: publicProcedure
    .input(ListShopperItemsInputSchema)
    .query(({ ctx, input }) => listShopperItems(ctx.db, input, ctx.shopper)),
});
