import { AnswerGuideRequestInputSchema, answerGuideRequest } from "../services/guide/answer-guide-request";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The shopping guide: a request in words and quick choices → constraints as chips → explained picks. */
export const guideRouter = createTRPCRouter({
  ask: publicProcedure
    .input(AnswerGuideRequestInputSchema)
    .query(({ ctx, input }) => answerGuideRequest(ctx.db, input)),
});
