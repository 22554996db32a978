import type { Messages } from "../i18n/dictionary";
import type { Language } from "../i18n/languages";
import type { VocabularyLabels } from "../i18n/vocabulary-labels";
import { ImpressionLogger } from "./impression-logger";
import { RecommendedCard, type RecommendedCardData } from "./recommended-card";

type RecommendedListProps = {
  items: RecommendedCardData[];
  surface: string;
  requestId: string;
  modelVersionId: number | null;
  shopperId: string | undefined;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
  /** Eager-load the first row's photos (above the fold). */
  eagerCount?: number;
  columns?: "four" | "six";
};

/** A grid of recommended cards (server-rendered) that logs its impressions from the browser. */
export function RecommendedList(props: RecommendedListProps) {
  const grid =
    props.columns === "six" ? "grid-cols-2 sm:grid-cols-3 lg:grid-cols-6" : "grid-cols-2 sm:grid-cols-3 lg:grid-cols-4";
  return (
    <>
      <ul className={`grid gap-3 sm:gap-5 ${grid}`}>
        {props.items.map((item) => (
          <li key={item.id} className="flex">
            <RecommendedCard
              item={item}
              origin={{
                surface: props.surface,
                requestId: props.requestId,
                slot: item.slot,
                modelVersionId: props.modelVersionId,
              }}
              language={props.language}
              messages={props.messages}
              labels={props.labels}
              eager={item.slot < (props.eagerCount ?? 0)}
            />
          </li>
        ))}
      </ul>
      <ImpressionLogger
        key={props.requestId}
        shopperId={props.shopperId}
        surface={props.surface}
        requestId={props.requestId}
        modelVersionId={props.modelVersionId}
        items={props.items.map((item) => ({ id: item.id, slot: item.slot }))}
      />
    </>
  );
}
