import { rateLimited } from "../security/rate-limit/rate-limited";
import { AnswerGuideRequestInputSchema, answerGuideRequest } from "../services/guide/answer-guide-request";
import { audienceOf } from "../services/recommendations/serve-to";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The shopping guide: a request in words and quick choices → constraints as chips → explained picks. */
export const guideRouter = createTRPCRouter({
  ask: publicProcedure
    .use(rateLimited("guide"))
    .input(AnswerGuideRequestInputSchema)
    .query(({ ctx, input }) => answerGuideRequest(ctx.runtime, input, audienceOf(ctx))),
});
