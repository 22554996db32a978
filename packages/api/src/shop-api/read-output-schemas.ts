import { z } from "zod";
import type { SimilarItems } from "../services/recommendations/list-similar-items";
import type { Feed } from "../services/recommendations/recommend-feed";
import type { WithWhy } from "./write-reply-texts";

/*
 * The replies of /recommendations and /similar as zod schemas, for the OpenAPI document only (replies are not parsed
 * again at run time). The services' TypeScript types are the source; the checks at the bottom fail the typecheck the
 * moment a schema and its type disagree, so the document cannot drift from what the endpoints send.
 */

const AnchorActionSchema = z.enum(["view", "click", "favorite", "cart", "purchase"]);

const PickReasonSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("similar-to-recent"),
      anchorTitleZh: z.string(),
      anchorTitleEn: z.string(),
      action: AnchorActionSchema,
    }),
    z.object({ kind: z.literal("from-history"), interactions: z.number() }),
    z.object({ kind: z.literal("popular-in-category"), category: z.string(), purchases: z.number() }),
    z.object({ kind: z.literal("in-category"), category: z.string() }),
    z.object({
      kind: z.literal("bought-together"),
      anchorTitleZh: z.string(),
      anchorTitleEn: z.string(),
      orders: z.number(),
    }),
    z.object({
      kind: z.literal("similar-item"),
      anchorTitleZh: z.string(),
      anchorTitleEn: z.string(),
      similarity: z.number(),
    }),
    z.object({ kind: z.literal("exploring") }),
  ])
  .describe("why the item is there, from real signals only");

const RecommendedItemSchema = z.object({
  id: z.number().int(),
  sku: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  category: z.string(),
  metal: z.string().nullable(),
  gem: z.string().nullable(),
  price: z.number(),
  currency: z.string(),
  imageUrl: z.string().nullable(),
  inStock: z.boolean(),
  slot: z.number().int().describe("0-based position in the list"),
  score: z.number(),
  reason: PickReasonSchema,
  why: z.string().describe("the reason written out in the request's `locale`"),
  attribution: z.string().describe("send it back with this item's events (POST /events) to attribute them"),
});

const ServedByShape = {
  requestId: z.string(),
  modelVersionId: z.number().int().nullable(),
  modelKind: z.string(),
  source: z.enum(["active-version", "fallback-popularity"]),
};

const FeedItemSchema = RecommendedItemSchema.extend({
  exploratory: z
    .boolean()
    .describe("true when an exploration slot chose the item (reason `exploring`), not the model's ranking"),
  propensity: z
    .number()
    .describe("the probability with which the policy showed this item in this slot (1 for the model's own picks)"),
});

export const FeedSchema = z.object({
  ...ServedByShape,
  personalised: z.boolean().describe("false when the customer has no history the model knows (popular picks)"),
  policy: z.string().describe("the policy that filled the slots: thompson-beta/7 (exploring) or greedy"),
  items: z.array(FeedItemSchema),
});

export const SimilarItemsSchema = z.object({
  ...ServedByShape,
  anchorId: z.number().int(),
  items: z.array(RecommendedItemSchema),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const feedSchemaMatchesFeed: Same<z.output<typeof FeedSchema>, WithWhy<Feed>> = true;
const similarSchemaMatchesSimilarItems: Same<z.output<typeof SimilarItemsSchema>, WithWhy<SimilarItems>> = true;
void [feedSchemaMatchesFeed, similarSchemaMatchesSimilarItems];
