import { getServerCaller } from "@/server/caller";
import { type RecommendedItem, RecommendedList } from "./recommended-list";
import type { ShopperView } from "./shopper-view";

/** "Similar pieces" (the served model's item similarity) and "often bought together" (shared orders), when any. */
export async function ProductRecommendations({ sku, view }: { sku: string; view: ShopperView }) {
  const caller = getServerCaller();
  const [similar, together] = await Promise.all([
    caller.recommendations.similar({ sku, k: 8 }),
    caller.recommendations.boughtTogether({ sku, k: TOGETHER_SIZE }),
  ]);
  return (
    <>
      <RecommendationSection
        id="together"
        heading={view.messages.boughtTogetherHeading}
        items={together.items}
        requestId={together.requestId}
        view={view}
      />
      <RecommendationSection
        id="similar"
        heading={view.messages.similarHeading}
        items={similar.items}
        requestId={similar.requestId}
        view={view}
      />
    </>
  );
}

type RecommendationSectionProps = {
  id: string;
  heading: string;
  items: RecommendedItem[];
  requestId: string;
  view: ShopperView;
};

/** The frame of each section below the product (shared with its loading placeholder). */
export const RECOMMENDATION_SECTION_CLASS = "mt-16 border-t border-line pt-8";

/** How many "often bought together" pieces are shown: the placeholder's size too. */
export const TOGETHER_SIZE = 4;

/** One headed grid below the product; nothing when there is nothing to show. */
function RecommendationSection({ id, heading, ...list }: RecommendationSectionProps) {
  if (list.items.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} className={RECOMMENDATION_SECTION_CLASS}>
      <h2 id={`${id}-heading`} className="font-serif text-2xl text-ink">
        {heading}
      </h2>
      <div className="mt-6">
        <RecommendedList {...list} />
      </div>
    </section>
  );
}
