import type { ConstraintChip } from "@jewelguide/api";
import { describeGuidePick, type PickReason } from "@jewelguide/i18n";
import { buildProductHref } from "@/lib/recommendation-ref";
import { ExploringBadge } from "./exploring-badge";
import { ImpressionLogger } from "./impression-logger";
import { ProductCard, type ProductCardData } from "./product-card";
import type { ShopperView } from "./shopper-view";

export type RecommendedItem = ProductCardData & {
  slot: number;
  reason: PickReason;
  /** A guide pick: the constraints it matches (their chips lead its "why this?"). */
  matched?: readonly string[];
  /** The server's signed record of serving this item here (list, request, slot): passed on to the product page. */
  attribution: string;
};

/** The recommendation grid's columns and gaps (shared with its loading placeholder). */
export const RECOMMENDED_GRID = "grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4";

type RecommendedListProps = {
  items: RecommendedItem[];
  /** The list's request id: a new list (new request) remounts the impression logger. */
  requestId: string;
  view: ShopperView;
  /** Eager-load the first row's photos (above the fold). */
  eagerCount?: number;
  /** The guide's chips, when these are its picks. */
  chips?: readonly ConstraintChip[];
};

/**
 * A grid of recommended pieces (server-rendered), each card with its one-line "why this?" from the recommender's
 * signals and a link carrying its attribution; logs its impressions from the browser.
 */
export function RecommendedList({ items, requestId, view, eagerCount, chips = [] }: RecommendedListProps) {
  return (
    <>
      <ul className={RECOMMENDED_GRID}>
        {items.map((item) => (
          <li key={item.id} className="flex">
            <ProductCard
              product={item}
              view={view}
              href={buildProductHref(item.id, item.attribution)}
              eager={item.slot < (eagerCount ?? 0)}
              testIds={{ card: "recommended-card", price: "recommended-price" }}
              data={{ "data-category": item.category, "data-reason": item.reason.kind }}
              badge={<ExploringBadge reason={item.reason} messages={view.messages} />}
              explanation={
                <p
                  className="mt-auto border-t border-line/70 pt-2 text-xs leading-5 text-ink/80"
                  data-testid="why-this"
                >
                  <span className="sr-only">{view.messages.whyThis} </span>
                  {describeGuidePick(
                    chips.filter((chip) => item.matched?.includes(chip.field)),
                    item.reason,
                    view.language,
                  )}
                </p>
              }
            />
          </li>
        ))}
      </ul>
      <ImpressionLogger key={requestId} items={items.map((item) => ({ id: item.id, attribution: item.attribution }))} />
    </>
  );
}
