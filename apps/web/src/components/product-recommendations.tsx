import type { Messages } from "../i18n/dictionary";
import type { Language } from "../i18n/languages";
import type { VocabularyLabels } from "../i18n/vocabulary-labels";
import { getServerCaller } from "../server/caller";
import { RecommendedList } from "./recommended-list";

type ProductRecommendationsProps = {
  sku: string;
  shopperId: string | undefined;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
};

/** "Similar pieces" (the served model's item similarity) and "often bought together" (shared orders), when any. */
export async function ProductRecommendations({
  sku,
  shopperId,
  language,
  messages,
  labels,
}: ProductRecommendationsProps) {
  const caller = getServerCaller();
  const [similar, together] = await Promise.all([
    caller.recommendations.similar({ sku, k: 8, locale: language }),
    caller.recommendations.boughtTogether({ sku, k: 4, locale: language }),
  ]);
  return (
    <>
      {together.length > 0 && (
        <section aria-labelledby="together-heading" className="mt-16 border-t border-line pt-8">
          <h2 id="together-heading" className="font-serif text-2xl text-ink">
            {messages.boughtTogetherHeading}
          </h2>
          <div className="mt-6">
            <RecommendedList
              items={together}
              surface="bought-together"
              requestId={`${similar.requestId}-t`}
              modelVersionId={null}
              shopperId={shopperId}
              language={language}
              messages={messages}
              labels={labels}
            />
          </div>
        </section>
      )}
      {similar.items.length > 0 && (
        <section aria-labelledby="similar-heading" className="mt-16 border-t border-line pt-8">
          <h2 id="similar-heading" className="font-serif text-2xl text-ink">
            {messages.similarHeading}
          </h2>
          <div className="mt-6">
            <RecommendedList
              items={similar.items}
              surface="similar"
              requestId={similar.requestId}
              modelVersionId={similar.modelVersionId}
              shopperId={shopperId}
              language={language}
              messages={messages}
              labels={labels}
            />
          </div>
        </section>
      )}
    </>
  );
}
