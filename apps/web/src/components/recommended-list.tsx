import { ImpressionLogger } from "./impression-logger";
import { RecommendedCard, type RecommendedCardData } from "./recommended-card";
import type { ShopperView } from "./shopper-view";

type RecommendedListProps = {
  items: RecommendedCardData[];
  /** The list's request id: a new list (new request) remounts the impression logger. */
  requestId: string;
  view: ShopperView;
  /** Eager-load the first row's photos (above the fold). */
  eagerCount?: number;
};

/** A grid of recommended cards (server-rendered) that logs its impressions from the browser. */
export function RecommendedList({ items, requestId, view, eagerCount }: RecommendedListProps) {
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
        {items.map((item) => (
          <li key={item.id} className="flex">
            <RecommendedCard
              item={item}
              language={view.language}
              messages={view.messages}
              labels={view.labels}
              eager={item.slot < (eagerCount ?? 0)}
            />
          </li>
        ))}
      </ul>
      <ImpressionLogger key={requestId} items={items.map((item) => ({ id: item.id, attribution: item.attribution }))} />
    </>
  );
}
