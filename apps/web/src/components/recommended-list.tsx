import { ImpressionLogger } from "./impression-logger";
import { RecommendedCard, type RecommendedCardData } from "./recommended-card";
import type { ShopperView } from "./shopper-view";

type RecommendedListProps = {
  items: RecommendedCardData[];
  surface: string;
  requestId: string;
  modelVersionId: number | null;
  view: ShopperView;
  /** Eager-load the first row's photos (above the fold). */
  eagerCount?: number;
};

/** A grid of recommended cards (server-rendered) that logs its impressions from the browser. */
export function RecommendedList({ items, surface, requestId, modelVersionId, view, eagerCount }: RecommendedListProps) {
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
        {items.map((item) => (
          <li key={item.id} className="flex">
            <RecommendedCard
              item={item}
              origin={{ surface, requestId, slot: item.slot, modelVersionId }}
              language={view.language}
              messages={view.messages}
              labels={view.labels}
              eager={item.slot < (eagerCount ?? 0)}
            />
          </li>
        ))}
      </ul>
      <ImpressionLogger
        key={requestId}
        shopperId={view.shopperId}
        surface={surface}
        requestId={requestId}
        modelVersionId={modelVersionId}
        items={items.map((item) => ({ id: item.id, slot: item.slot }))}
      />
    </>
  );
}
