import { z } from "zod";

export const StartAbTestInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    versionAId: z.number().int().positive(),
    versionBId: z.number().int().positive(),
    shareB: z.number().gt(0).lt(1),
  })
  .refine((input) => input.versionAId !== input.versionBId, { message: "A and B must be different versions" });
export type StartAbTestInput = z.infer<typeof StartAbTestInputSchema>;

export const StopAbTestInputSchema = z.object({
  id: z.number().int().positive(),
  /** Publish this arm's version when stopping; null stops without changing the active version. */
  promote: z.enum(["A", "B"]).nullable(),
  /** Publish the promoted version even when it fails the publish gates; recorded as forced in the audit log. */
  force: z.boolean().default(false),
});
export type StopAbTestInput = z.infer<typeof StopAbTestInputSchema>;
