import { RetryLaterError } from "@jewelguide/api";
import { describeConstraint, formatMessage } from "@jewelguide/i18n";
import Link from "next/link";
import { buildRemoveChipHref, type GuideSearchParams, parseBudget, parseDrop } from "@/lib/guide-search-params";
import { getServerCaller } from "@/server/caller";
import { ConstraintChips } from "./constraint-chips";
import { RecommendedList } from "./recommended-list";
import type { ShopperView } from "./shopper-view";

/** How many pieces the guide answers with. */
export const GUIDE_SIZE = 12;

/**
 * The guide's answer to the conversation so far: what it asks for as chips (each removable by one more turn), the
 * model's picks for this shopper within them, or, when nothing fits, which single constraint to drop, with a link that
 * drops it (one more turn too). Over the guide's rate limit (per
 * shopper and address, counted here too) it says when to ask again.
 */
export async function GuideResults({ params, view }: { params: GuideSearchParams; view: ShopperView }) {
  const { language, messages } = view;
  const outcome = await getServerCaller()
    .guide.ask({
      turns: params.q,
      choices: {
        category: params.category,
        metal: params.metal,
        recipient: params.recipient,
        occasion: params.occasion,
        style: params.style,
        ...parseBudget(params.budget),
      },
      drop: parseDrop(params.drop),
      k: GUIDE_SIZE,
      locale: language,
    })
    .then(
      (answer) => ({ answer, retryAfterSeconds: undefined }),
      (error: unknown) => {
        if (error instanceof RetryLaterError) return { answer: null, retryAfterSeconds: error.retryAfterSeconds };
        throw error;
      },
    );
  const { answer } = outcome;
  if (!answer) {
    return (
      <p role="alert" className="rounded-lg border border-line bg-white p-6 text-sm text-ink">
        {formatMessage(messages.guideTooMany, { seconds: outcome.retryAfterSeconds })}
      </p>
    );
  }
  const startedOver = answer.turns.length > 1 && answer.turns.at(-1)?.kind === "new-request";
  return (
    <>
      {startedOver && (
        <p role="status" className="text-sm text-muted" data-testid="guide-new-request">
          {messages.guideNewRequest}
        </p>
      )}
      <ConstraintChips chips={answer.chips} params={params} messages={messages} language={language} />
      {answer.items.length > 0 ? (
        <section aria-labelledby="guide-results-heading" className="flex flex-col gap-4">
          <h2 id="guide-results-heading" className="font-serif text-2xl text-ink" data-testid="guide-count">
            {formatMessage(messages.guideResults, { count: answer.total.toLocaleString(language) })}
          </h2>
          <RecommendedList
            items={answer.items}
            requestId={answer.requestId}
            view={view}
            eagerCount={4}
            chips={answer.chips}
          />
        </section>
      ) : (
        <section aria-labelledby="guide-empty-heading" className="rounded-lg border border-line bg-white p-6">
          <h2 id="guide-empty-heading" className="font-serif text-xl text-ink">
            {messages.guideEmpty}
          </h2>
          {answer.relaxations.length > 0 ? (
            <ul className="mt-4 flex flex-col gap-2" data-testid="relaxations">
              {answer.relaxations.map((relaxation) => (
                <li key={relaxation.field} className="flex flex-wrap items-center gap-3 text-sm text-ink">
                  {formatMessage(messages.relaxOffer, {
                    label: describeConstraint(relaxation, language),
                    count: relaxation.count,
                  })}
                  <Link
                    href={buildRemoveChipHref(params, relaxation, language)}
                    className="rounded-full border border-gold-500 px-3 py-1 text-gold-700 hover:bg-gold-50 focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
                  >
                    {messages.relaxButton}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-muted">{messages.noRelax}</p>
          )}
        </section>
      )}
      <p className="text-xs text-muted">{messages.ratesNote}</p>
    </>
  );
}
