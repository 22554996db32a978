import { rateLimited } from "../security/rate-limit/rate-limited";
import { ListBoughtTogetherInputSchema, listBoughtTogether } from "../services/recommendations/list-bought-together";
import { ListSimilarItemsInputSchema, listSimilarItems } from "../services/recommendations/list-similar-items";
import { RecommendFeedInputSchema, recommendFeed } from "../services/recommendations/recommend-feed";
import { audienceOf } from "../services/recommendations/serve-to";
import { createTRPCRouter, publicProcedure } from "../trpc";

/**
 * Personalised feed, similar pieces, often bought together: scored in-process by the served model, for the request's
 * verified shopper (ctx.shopper), each item signed for that shopper. The feed is rate-limited ("feeds"): every served feed
 * writes its impressions.
 */
export const recommendationsRouter = createTRPCRouter({
  feed: publicProcedure
    .input(RecommendFeedInputSchema)
    .use(rateLimited("feeds"))
    .query(({ ctx, input }) => recommendFeed(ctx.runtime, input, audienceOf(ctx))),
  similar: publicProcedure
    .input(ListSimilarItemsInputSchema)
    .query(({ ctx, input }) => listSimilarItems(ctx.runtime, input, audienceOf(ctx))),
  boughtTogether: publicProcedure
    .input(ListBoughtTogetherInputSchema)
    .query(({ ctx, input }) => listBoughtTogether(ctx.runtime, input, audienceOf(ctx))),
});
