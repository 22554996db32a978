import type { ApiKeyScope } from "@jewelguide/db";
import type { Language } from "@jewelguide/i18n";
import type { z } from "zod";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import type { RateLimitPolicyName } from "../security/rate-limit/rate-limit-policies";
import { answerGuideRequest } from "../services/guide/answer-guide-request";
import { DEFAULT_FEED_RULES } from "../services/recommendations/feed-rules";
import { listSimilarItems } from "../services/recommendations/list-similar-items";
import { recommendFeed } from "../services/recommendations/recommend-feed";
import type { Audience } from "../services/recommendations/serve-to";
import { ingestApiEvents } from "./ingest-api-events";
import { FeedSchema, SimilarItemsSchema } from "./read-output-schemas";
import {
  ApiEventBatchSchema,
  ApiGuideInputSchema,
  ApiProductBatchSchema,
  ApiRecommendationsInputSchema,
  ApiSimilarItemsInputSchema,
  EventBatchResultSchema,
  ProductBatchResultSchema,
} from "./shop-api-schemas";
import { upsertApiProducts } from "./upsert-api-products";
import { withGuideTexts, withWhy } from "./write-reply-texts";

/**
 * One endpoint of the shop backends' HTTP API: its path under /api/v1 (every endpoint is a POST with a JSON body, the
 * inputs being the tRPC procedures' objects), the key scope it needs, the schema its body is parsed with (`input`),
 * the schema the OpenAPI document shows (`documentedInput`, when rows are checked one by one), its reply's schema
 * when it has one, the rate-limit policy of the request and of its rows, and what it does.
 */
export type ShopApiRoute<S extends z.ZodType = z.ZodType> = {
  operationId: string;
  path: string;
  /** The tRPC procedure whose input schema this endpoint takes (extended with the customer), when there is one. */
  trpcProcedure?: string;
  scope: ApiKeyScope;
  summary: string;
  description: string;
  input: S;
  documentedInput?: z.ZodType;
  /** The reply's schema (for the document; the guide's answer has none and is described in words). */
  output?: z.ZodType;
  outputDescription: string;
  requestPolicy: RateLimitPolicyName;
  /** Rows of a batch, counted under apiRows. */
  rowsOf?(input: z.output<S>): number;
  run(runtime: ServerRuntime, input: z.output<S>, shop: ShopDefaults): Promise<unknown>;
};

/** What the server's configuration decides for a request that does not say. */
export type ShopDefaults = { defaultLanguage: Language };

function route<S extends z.ZodType>(definition: ShopApiRoute<S>): ShopApiRoute {
  return definition as unknown as ShopApiRoute;
}

/** The customer a read is for, as the recommendation services take it (the link-token flow's mapping). */
function audienceFor(runtime: ServerRuntime, customerId: string | undefined): Audience {
  return { shopper: customerId === undefined ? undefined : { externalId: customerId }, secrets: runtime.secrets };
}

/** Every endpoint, in the order the OpenAPI document lists them. */
export const SHOP_API_ROUTES: readonly ShopApiRoute[] = [
  route({
    operationId: "recommendations",
    trpcProcedure: "recommendations.feed",
    path: "/recommendations",
    scope: "read",
    summary: "Personalised recommendations for one of the shop's customers",
    description:
      "The tRPC procedure recommendations.feed for the named customer: the served model's ranking of their history, " +
      "only in-stock items, never one they bought. Each item carries an `attribution` to send back with its events. " +
      "When the shop explores, a few slots hold items the exploration policy chose (`exploratory`, reason " +
      "`exploring`) and every item says the probability it was shown with (`propensity`).",
    input: ApiRecommendationsInputSchema,
    output: FeedSchema,
    outputDescription: "the customer's feed",
    requestPolicy: "apiReads",
    run: async (runtime, { customerId, locale, ...input }, shop) =>
      withWhy(
        await recommendFeed(runtime, input, audienceFor(runtime, customerId), DEFAULT_FEED_RULES, "api-feed"),
        locale ?? shop.defaultLanguage,
      ),
  }),
  route({
    operationId: "similar",
    trpcProcedure: "recommendations.similar",
    path: "/similar",
    scope: "read",
    summary: "Items similar to a product (by SKU)",
    description: "The tRPC procedure recommendations.similar, optionally for a customer (their attribution tokens).",
    input: ApiSimilarItemsInputSchema,
    output: SimilarItemsSchema,
    outputDescription: "the items most similar to the product",
    requestPolicy: "apiReads",
    run: async (runtime, { customerId, locale, ...input }, shop) =>
      withWhy(await listSimilarItems(runtime, input, audienceFor(runtime, customerId)), locale ?? shop.defaultLanguage),
  }),
  route({
    operationId: "guide",
    trpcProcedure: "guide.ask",
    path: "/guide",
    scope: "read",
    summary: "Ask the shopping guide (free text or a conversation, and choices → constraints → explained picks)",
    description: "The tRPC procedure guide.ask, optionally for a customer (their purchases are left out).",
    input: ApiGuideInputSchema,
    outputDescription:
      "GuideAnswer: { parsed (the last turn), state (what the conversation asks for), turns[] (text, kind: " +
      "new-request | edit), constraints, chips[] (field, value, filters, label), total, items[] (… reason, matched, " +
      "why), relaxations[] (field, value, count, label), … }; texts in the request's `locale`",
    requestPolicy: "apiReads",
    run: async (runtime, { customerId, locale, ...input }, shop) => {
      const language = locale ?? shop.defaultLanguage;
      const answer = await answerGuideRequest(
        runtime,
        { ...input, locale: language },
        audienceFor(runtime, customerId),
      );
      return withGuideTexts(answer, language);
    },
  }),
  route({
    operationId: "ingestEvents",
    path: "/events",
    scope: "write",
    summary: "Send a batch of customers' events (views, clicks, favourites, carts, purchases)",
    description:
      "Rows are checked one by one: the reply lists each refused row by index and field, the others are stored. " +
      "Idempotent per (customerId, eventId). Purchases are priced by the catalog.",
    input: ApiEventBatchSchema.parse,
    documentedInput: ApiEventBatchSchema.documented,
    output: EventBatchResultSchema,
    outputDescription: "EventBatchResult",
    requestPolicy: "apiWrites",
    rowsOf: (input) => input.events.length,
    run: (runtime, input) =>
      ingestApiEvents(runtime.db, input.events, { attributionKey: runtime.secrets.attributionKey }),
  }),
  route({
    operationId: "upsertProducts",
    path: "/products",
    scope: "write",
    summary: "Create or update products by SKU (a batch)",
    description:
      "Rows are checked one by one with the catalog importer's vocabularies and limits; refused rows are listed by " +
      "index and field, the others written in one transaction. A row equal to the stored product changes nothing.",
    input: ApiProductBatchSchema.parse,
    documentedInput: ApiProductBatchSchema.documented,
    output: ProductBatchResultSchema,
    outputDescription: "ProductBatchResult",
    requestPolicy: "apiWrites",
    rowsOf: (input) => input.products.length,
    run: (runtime, input) => upsertApiProducts(runtime.db, input.products),
  }),
];
