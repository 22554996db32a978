import { ListBoughtTogetherInputSchema, listBoughtTogether } from "../services/recommendations/list-bought-together";
import { ListSimilarItemsInputSchema, listSimilarItems } from "../services/recommendations/list-similar-items";
import { RecommendFeedInputSchema, recommendFeed } from "../services/recommendations/recommend-feed";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Personalised feed, similar pieces, often bought together: scored in-process by the served model. */
export const recommendationsRouter = createTRPCRouter({
  feed: publicProcedure.input(RecommendFeedInputSchema).query(({ ctx, input }) => recommendFeed(ctx.db, input)),
  similar: publicProcedure
    .input(ListSimilarItemsInputSchema)
    .query(({ ctx, input }) => listSimilarItems(ctx.db, input)),
  boughtTogether: publicProcedure
    .input(ListBoughtTogetherInputSchema)
    .query(({ ctx, input }) => listBoughtTogether(ctx.db, input)),
});
