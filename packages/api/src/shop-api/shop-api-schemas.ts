import { CATEGORIES, GENDERS, METALS } from "@jewelguide/model/vocabulary";
import { z } from "zod";
import { SHOPPER_EXTERNAL_ID_PATTERN } from "../security/shopper-external-id";
import {
  EVENT_ACTIONS,
  MAX_EVENT_QUANTITY,
  ShopperEventSchema,
  withEventFieldRules,
} from "../services/events/event-schemas";
import { GuideRequestFieldsSchema, withOneConversation } from "../services/guide/answer-guide-request";
import { ListSimilarItemsInputSchema } from "../services/recommendations/list-similar-items";
import { LocaleSchema } from "../services/recommendations/locale-schema";
import { RecommendFeedInputSchema } from "../services/recommendations/recommend-feed";

/*
 * The request bodies of the shop backends' HTTP API (/api/v1). The read endpoints take the tRPC procedures' own input
 * schemas (recommendations.feed, recommendations.similar, guide.ask) plus the customer the backend speaks for, so the
 * two APIs validate alike and the OpenAPI document (openapi-document.ts) is generated from these very schemas.
 */

/**
 * The shop's own customer id, stored as the shopper's User.externalId: the same rule as a link token's `sub`
 * (link-token.ts). A backend holding a key is trusted to name its customers, as the link secret's holder is.
 */
export const CustomerIdSchema = z
  .string()
  .regex(SHOPPER_EXTERNAL_ID_PATTERN, "must be 1–128 letters, digits or _ - . : @")
  .describe("the shop's own customer id (1–128 letters, digits or _ - . : @)");

/** The language of the texts a reply writes out (each pick's `why`; the guide's chip labels too). */
const ReplyLocaleSchema = LocaleSchema.optional().describe(
  "the language of the reply's texts (`why`, `label`; the guide's default budget currency too); the shop's language when absent",
);

export const ApiRecommendationsInputSchema = RecommendFeedInputSchema.extend({
  customerId: CustomerIdSchema,
  locale: ReplyLocaleSchema,
});
export const ApiSimilarItemsInputSchema = ListSimilarItemsInputSchema.extend({
  locale: ReplyLocaleSchema,
  customerId: CustomerIdSchema.optional().describe("the customer the items are shown to (signs their attribution)"),
});
export const ApiGuideInputSchema = withOneConversation(
  GuideRequestFieldsSchema.extend({
    locale: ReplyLocaleSchema,
    customerId: CustomerIdSchema.optional().describe("the customer asking (their purchases are left out)"),
  }),
);

/** Events a backend reports. Impressions stay the web client's (they are only meaningful for served lists). */
export const API_EVENT_TYPES = ["view", "click", "favorite", "cart", "purchase"] as const;

/** At most this many rows per events or products batch. */
export const MAX_API_BATCH_ROWS = 500;

/** Oldest event time accepted: earlier is almost surely a unit mistake (seconds for milliseconds). */
const EARLIEST_EVENT = Date.UTC(2000, 0, 1);
/** How far in the future an event time may be (clock skew between the backend and this server). */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * One event of a shop's customer as its backend reports it. The price is never an input: purchases are priced by the
 * catalog (with its currency) when stored. `eventId` is the backend's own id for the event (an order line id, a
 * uuid…): a re-sent event with the same customer and id is stored once.
 */
export const ApiEventRowSchema = withEventFieldRules(
  z.strictObject({
    eventId: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .describe("the backend's id for this event: re-sending it stores nothing"),
    customerId: CustomerIdSchema,
    type: z.enum(API_EVENT_TYPES),
    sku: z.string().trim().min(1).max(200).describe("the product's SKU as in the catalog"),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("when it happened (ISO 8601 with a time zone); default: when received")
      .refine(
        (value) =>
          value === undefined ||
          (Date.parse(value) >= EARLIEST_EVENT && Date.parse(value) <= Date.now() + MAX_CLOCK_SKEW_MS),
        "must be after 2000-01-01 and not in the future",
      ),
    attribution: ShopperEventSchema.shape.attribution.describe(
      "the `attribution` of the recommended item this event is about, as this API or the web app served it",
    ),
    action: z.enum(EVENT_ACTIONS).optional().describe("favorite and cart events: add (default) or remove"),
    orderId: z.string().trim().min(1).max(64).optional().describe("purchases: the shop's order id"),
    quantity: z.number().int().min(1).max(MAX_EVENT_QUANTITY).default(1).describe("carts and purchases"),
  }),
);
export type ApiEventRow = z.output<typeof ApiEventRowSchema>;

/** A flat attribute map: bounded keys and values, never a key that could reach an object's prototype. */
const AttributesSchema = z
  .record(
    z
      .string()
      .min(1)
      .max(100)
      .refine((key) => !["__proto__", "constructor", "prototype"].includes(key), "is not an allowed attribute name"),
    z.union([z.string().max(2_000), z.number(), z.boolean()]),
  )
  .refine((attributes) => Object.keys(attributes).length <= 50, "at most 50 attributes")
  .describe("open attributes (flat; keys ≤ 100 characters, string values ≤ 2,000); replace the stored ones");

/**
 * A category, metal, gem, colour or gender as a catalog writes it: read through the guide's bilingual lexicon when
 * stored (read-product-attributes.ts), as `import catalog` reads its cells; a value the lexicon does not know is kept
 * in `attributes` with a warning, never a reason to refuse the product.
 */
function lexiconValue(description: string) {
  return z.string().trim().min(1).max(100).describe(description);
}

/**
 * One product as a backend upserts it by SKU: the catalog importer's columns (docs/data-formats.md, `import catalog`)
 * as typed JSON, with the same lexicon and length limits. Photos are http(s) URLs only (a backend has no files
 * beside the catalog). Fields left out keep their stored value on an update and take the default on a create.
 */
export const ApiProductRowSchema = z.strictObject({
  sku: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(500),
  titleZh: z.string().trim().min(1).max(500).optional().describe("default: titleEn"),
  description: z.string().max(20_000).optional(),
  category: lexiconValue(`one of ${CATEGORIES.join(", ")} or a word for one (rings, 戒指…); unknown: other`),
  metal: lexiconValue(`${METALS.join(", ")} or a spelling of one (yellow gold, 18K白金, 925 sterling silver…)`)
    .nullable()
    .optional(),
  gem: lexiconValue("a gem (diamonds, 珍珠, cubic zirconia…), stored as the lexicon's id (cubic-zirconia)")
    .nullable()
    .optional(),
  color: lexiconValue("a colour word in English or Chinese").nullable().optional(),
  gender: lexiconValue(`${GENDERS.join(", ")} or a word for one (women's, 男士…)`)
    .nullable()
    .optional(),
  price: z.number().min(0).max(1e9),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code")
    .transform((code) => code.toUpperCase())
    .optional()
    .describe("default USD on a create"),
  brand: z.string().trim().max(200).nullable().optional(),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .nullable()
    .optional()
    .describe("an http(s) URL of the product photo"),
  inStock: z.boolean().optional().describe("default true on a create"),
  attributes: AttributesSchema.optional(),
});
export type ApiProductRow = z.output<typeof ApiProductRowSchema>;

/**
 * The batch bodies. Rows are checked one by one (a bad row is reported, the good ones stored), so the schema that
 * parses a request takes any JSON values as rows and the service applies the row schema per row; the OpenAPI document
 * shows the same envelope with the row schema in place (`documented`).
 */
export const ApiEventBatchSchema = {
  parse: z.strictObject({ events: z.array(z.unknown()).min(1).max(MAX_API_BATCH_ROWS) }),
  documented: z.strictObject({ events: z.array(ApiEventRowSchema).min(1).max(MAX_API_BATCH_ROWS) }),
};
export const ApiProductBatchSchema = {
  parse: z.strictObject({ products: z.array(z.unknown()).min(1).max(MAX_API_BATCH_ROWS) }),
  documented: z.strictObject({ products: z.array(ApiProductRowSchema).min(1).max(MAX_API_BATCH_ROWS) }),
};

/** A refused row of a batch: its 0-based index in the array, the field (dotted path; empty for the row) and why. */
export const RowErrorSchema = z.object({ index: z.number().int(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

export const EventBatchResultSchema = z.object({
  received: z.number().int().describe("rows in the batch"),
  stored: z.number().int().describe("new events stored"),
  duplicates: z.number().int().describe("valid rows already stored (same customer and eventId)"),
  unattributed: z.number().int().describe("rows whose attribution did not verify (stored without it)"),
  errors: z.array(RowErrorSchema).describe("refused rows; the others were stored"),
});
export type EventBatchResult = z.infer<typeof EventBatchResultSchema>;

export const ProductBatchResultSchema = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe("rows equal to what is stored (a re-sent batch changes nothing)"),
  errors: z.array(RowErrorSchema).describe("refused rows; the others were written"),
  warnings: z
    .array(RowErrorSchema)
    .describe("values the lexicon did not (entirely) know, kept in the product's attributes; the row was written"),
});
export type ProductBatchResult = z.infer<typeof ProductBatchResultSchema>;
