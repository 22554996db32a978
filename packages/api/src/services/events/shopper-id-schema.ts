import { z } from "zod";

/** The first-party cookie id of a shopper (`jg_shopper`): random, URL-safe, stored as User.externalId. */
export const ShopperIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, '-' or '_'");

export type ShopperId = z.infer<typeof ShopperIdSchema>;
