import { randomUUID } from "node:crypto";
import type { ConstraintCode } from "@jewelguide/i18n";
import {
  createEmptyParsedRequest,
  type GuideState,
  type ParsedRequest,
  runConversation,
  type TurnOutcome,
} from "@jewelguide/model/guide";
import { z } from "zod";
import type { ServerRuntime } from "../../runtime/create-server-runtime";
import { buildUserQuery } from "../recommendations/build-user-query";
import { capPerCategory, interleaveCategories } from "../recommendations/cap-per-category";
import { explainPick } from "../recommendations/explain-pick";
import { DEFAULT_FEED_RULES, type FeedRules } from "../recommendations/feed-rules";
import { anchorsOfPicks } from "../recommendations/find-similar-anchors";
import { loadShopperSignals } from "../recommendations/load-shopper-signals";
import { LocaleSchema } from "../recommendations/locale-schema";
import { type RecommendedItem, type ServedBy, toRecommendedItem } from "../recommendations/recommended-item";
import { type Audience, signServedItems } from "../recommendations/serve-to";
import { buildGuideConstraints, GuideChoicesSchema, toStateChoices } from "./build-guide-constraints";
import { constraintCode } from "./constraint-code";
import { CATALOG_CURRENCY, RATES_PER_USD } from "./exchange-rates";
import { CONSTRAINT_FIELDS, type ConstraintField, type GuideConstraints, isFilterField } from "./guide-constraints";
import { activeFilterFields, matchesField } from "./match-constraints";
import { scanCatalog } from "./scan-catalog";
import { suggestRelaxations } from "./suggest-relaxations";
import { typicalPrice } from "./typical-price";

/** How many turns one guide conversation may have, and how long each may be. */
export const MAX_GUIDE_TURNS = 10;
export const MAX_GUIDE_TURN_LENGTH = 500;

const GuideTurnSchema = z.string().max(MAX_GUIDE_TURN_LENGTH, `a turn is at most ${MAX_GUIDE_TURN_LENGTH} characters`);

/** The fields of a guide request; AnswerGuideRequestInputSchema adds the rule across them. */
export const GuideRequestFieldsSchema = z.strictObject({
  /** A single request: the same as a conversation of one turn. */
  text: GuideTurnSchema.default(""),
  /** A conversation: the shopper's turns in order; each follow-up edits what the turns before it asked for. */
  turns: z
    .array(GuideTurnSchema)
    .max(MAX_GUIDE_TURNS, `a conversation has at most ${MAX_GUIDE_TURNS} turns; start a new one`)
    .default([])
    .describe(
      `the conversation's turns in order (at most ${MAX_GUIDE_TURNS}, each at most ${MAX_GUIDE_TURN_LENGTH} characters); follow-ups such as "cheaper" or "in silver instead" (or the same in Chinese) edit what the earlier turns asked for`,
    ),
  /** Quick choices made with the first turn. */
  choices: GuideChoicesSchema.default({}),
  /** Chips the shopper removed (or a relaxation they accepted), after the whole conversation. */
  drop: z.array(z.enum(CONSTRAINT_FIELDS)).max(CONSTRAINT_FIELDS.length).default([]),
  k: z.number().int().min(1).max(48).default(12),
  locale: LocaleSchema.default("zh"),
});

/** A request is one text or one conversation: a schema with the guide's fields gets that rule. */
export function withOneConversation<Schema extends z.ZodType<{ text: string; turns: string[] }>>(schema: Schema) {
  return schema.refine((input) => input.text.trim() === "" || input.turns.length === 0, {
    message: "give either text (one request) or turns (a conversation), not both",
    path: ["turns"],
  });
}

/** A guide request of the request's own shopper (the signed cookie says whose; there is no shopper field). */
export const AnswerGuideRequestInputSchema = withOneConversation(GuideRequestFieldsSchema);
export type AnswerGuideRequestInput = z.input<typeof AnswerGuideRequestInputSchema>;

/**
 * One editable chip: a constraint the guide understood, as its code (describeConstraint writes its text). `filters` is
 * false for context-only constraints.
 */
export type ConstraintChip = ConstraintCode & { filters: boolean };

export type GuideItem = RecommendedItem & { matched: ConstraintField[] };

export type GuideAnswer = ServedBy & {
  /** The last turn as the single-request parser reads it. */
  parsed: ParsedRequest;
  /** What the whole conversation asks for, after its last turn (before `drop`). */
  state: GuideState;
  /** Each turn, and whether it started a new request or edited the one before. */
  turns: Array<{ text: string; kind: TurnOutcome["kind"] }>;
  constraints: GuideConstraints;
  chips: ConstraintChip[];
  /** Products that satisfy every filter, in stock and not bought by this shopper. */
  total: number;
  items: GuideItem[];
  /** Only when nothing matched: which single filter to drop, and how many pieces would match then. */
  relaxations: Array<ConstraintCode & { count: number }>;
  catalogCurrency: typeof CATALOG_CURRENCY;
  ratesPerUsd: Readonly<Record<string, number>>;
};

/**
 * The shopping guide: a conversation (one request, or turns whose follow-ups edit it — runConversation), with the
 * quick choices joining its first turn, minus removed chips, becomes constraints; the served model ranks, for this shopper, only the products satisfying every filter (category, metal,
 * gem, gender, price converted to USD with the fixed rate table — exactly). Each pick says which constraints it
 * matches and why the model put it there. Recipient, occasion and style are not catalog attributes: shown as context
 * chips, never claimed as matched. An empty answer lists which constraint to relax. During a running A/B test the
 * version of the shopper's arm ranks, as in the feed (`abTests`). Each pick carries its signed
 * attribution for this shopper.
 */
export async function answerGuideRequest(
  { sql, abTests }: Pick<ServerRuntime, "sql" | "abTests">,
  rawInput: AnswerGuideRequestInput,
  audience: Audience,
  rules: FeedRules = DEFAULT_FEED_RULES,
): Promise<GuideAnswer> {
  const input = AnswerGuideRequestInputSchema.parse(rawInput);
  const defaultCurrency = input.locale === "zh" ? "CNY" : "USD";
  const turns = input.turns.length > 0 ? input.turns : input.text.trim() === "" ? [] : [input.text];
  const shopperId = audience.shopper?.externalId;
  const snapshot = await abTests.snapshotFor({ shopperId, abTestSalt: audience.secrets.abTestSalt });
  const conversation = runConversation(turns, {
    defaultCurrency,
    choices: toStateChoices(input.choices),
    // "Cheaper" without a budget: below the median price of what the state before it matched.
    referencePriceOf: (state) => {
      const usd = typicalPrice(snapshot, buildGuideConstraints(state, input.drop, defaultCurrency));
      return usd === null ? null : usd * RATES_PER_USD[state.currency ?? defaultCurrency];
    },
  });
  const parsed = conversation.turns.at(-1)?.parsed ?? createEmptyParsedRequest();
  const constraints = buildGuideConstraints(conversation.state, input.drop, defaultCurrency);
  const { recommender } = snapshot.model;
  const signals = await loadShopperSignals(sql, shopperId, {
    windowMs: rules.recentWindowMs,
    limit: rules.recentLimit,
  });
  const byId = snapshot.catalog.byId;
  const scan = scanCatalog(snapshot, constraints, signals.purchasedIds);
  const { query, personalised } = buildUserQuery(recommender, shopperId, signals, byId);
  const pool = Math.max(rules.candidatePool, input.k);
  // Bought items are already outside `allowed` (scanCatalog), as are out-of-stock ones.
  const ranked = recommender
    .recommend(query, { k: pool, excludeSeen: false, filter: (index) => scan.allowed[index] === 1 })
    .flatMap((pick) => {
      const product = snapshot.productAt[pick.itemIndex];
      return product ? [{ product, score: pick.score, fromModel: true }] : [];
    });
  // Matching products the model has never seen (new to the catalog) follow, most purchased first.
  const unseen = [...scan.unseen]
    .sort((a, b) => b.purchases - a.purchases || a.id - b.id)
    .slice(0, pool)
    .map((product) => ({ product, score: 0, fromModel: false }));
  const candidates = [...ranked, ...unseen];
  const diverse = constraints.category === null;
  const ordered = diverse && !personalised ? interleaveCategories(candidates) : candidates;
  const picks = diverse
    ? capPerCategory(ordered, input.k, rules.firstScreenSize, rules.maxPerCategory)
    : ordered.slice(0, input.k);
  const anchorOf = anchorsOfPicks(
    snapshot,
    signals,
    picks.map((pick) => pick.product.sku),
    personalised,
    rules,
  );
  const historySize = signals.recent.length + signals.purchases.length;
  const unsigned = picks.map((pick, slot) => {
    // An exclusion is not something a pick "matches"; its chip says what was left out.
    const matched = activeFilterFields(constraints).filter(
      (field) =>
        field !== "excluded" &&
        (field !== "gender" || (pick.product.gender !== null && matchesField(pick.product, constraints, field))),
    );
    // Items the model never saw were not ranked by it: their reason is popularity alone.
    const reason = pick.fromModel
      ? explainPick(pick.product, anchorOf.get(pick.product.sku), historySize, personalised)
      : explainPick(pick.product, undefined, 0, false);
    return { ...toRecommendedItem(pick.product, slot, pick.score, reason), matched };
  });
  const relaxations =
    scan.total === 0
      ? suggestRelaxations(scan.failingOnly).flatMap(({ field, count }) => {
          const code = constraintCode(constraints, field);
          return code ? [{ ...code, count }] : [];
        })
      : [];
  const requestId = randomUUID();
  const modelVersionId = snapshot.model.versionId;
  const items: GuideItem[] = signServedItems(unsigned, { requestId, modelVersionId, surface: "guide" }, audience);
  return {
    requestId,
    modelVersionId,
    modelKind: snapshot.model.kind,
    source: snapshot.model.source,
    parsed,
    state: conversation.state,
    turns: turns.map((text, index) => ({ text, kind: conversation.turns[index]?.kind ?? "edit" })),
    constraints,
    chips: CONSTRAINT_FIELDS.flatMap((field) => {
      const code = constraintCode(constraints, field);
      return code ? [{ ...code, filters: isFilterField(field) }] : [];
    }),
    total: scan.total,
    items,
    relaxations,
    catalogCurrency: CATALOG_CURRENCY,
    ratesPerUsd: RATES_PER_USD,
  };
}
