import { RetryLaterError } from "@jewelguide/api";
import type { Metadata } from "next";
import Link from "next/link";
import { ConstraintChips } from "@/components/constraint-chips";
import { GuideForm } from "@/components/guide-form";
import { RecommendedList } from "@/components/recommended-list";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { formatMessage, getMessages } from "@/i18n/dictionary";
import { getLanguage } from "@/i18n/get-language";
import { buildGuideHref, parseBudget, parseDrop, parseGuideSearchParams } from "@/lib/guide-search-params";
import { getServerCaller } from "@/server/caller";

type GuidePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getMessages(await getLanguage()).guideTitle };
}

/**
 * The shopping guide: the request becomes chips (removable), the model ranks for this shopper within them, and an
 * empty answer says which single constraint to drop, with a link that drops it.
 */
export default async function GuidePage({ searchParams }: GuidePageProps) {
  const params = parseGuideSearchParams(await searchParams);
  const language = await getLanguage();
  const messages = getMessages(language);
  const labels = buildVocabularyLabels(language);
  const asked = Boolean(
    params.q || params.category || params.metal || params.recipient || params.occasion || params.style || params.budget,
  );
  const asking = asked
    ? getServerCaller().guide.ask({
        text: params.q ?? "",
        choices: {
          category: params.category,
          metal: params.metal,
          recipient: params.recipient,
          occasion: params.occasion,
          style: params.style,
          ...parseBudget(params.budget),
        },
        drop: parseDrop(params.drop),
        k: 12,
        locale: language,
      })
    : null;
  // Over the guide's rate limit (per shopper and address, counted here too): say when to ask again.
  const outcome = await asking?.then(
    (answer) => ({ answer, retryAfterSeconds: undefined }),
    (error: unknown) => {
      if (error instanceof RetryLaterError) return { answer: null, retryAfterSeconds: error.retryAfterSeconds };
      throw error;
    },
  );
  const answer = outcome?.answer ?? null;
  const drop = parseDrop(params.drop);

  return (
    <div className="flex flex-col gap-8 pt-8 sm:pt-10">
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl text-ink sm:text-4xl">{messages.guideTitle}</h1>
        <p className="max-w-2xl text-sm text-muted">{messages.guideIntro}</p>
      </header>
      <GuideForm params={params} language={language} messages={messages} />
      {outcome?.retryAfterSeconds !== undefined && (
        <p role="alert" className="rounded-lg border border-line bg-white p-6 text-sm text-ink">
          {formatMessage(messages.guideTooMany, { seconds: outcome.retryAfterSeconds })}
        </p>
      )}
      {answer && (
        <>
          <ConstraintChips chips={answer.chips} params={params} messages={messages} />
          {answer.items.length > 0 ? (
            <section aria-labelledby="guide-results-heading" className="flex flex-col gap-4">
              <h2 id="guide-results-heading" className="font-serif text-2xl text-ink" data-testid="guide-count">
                {formatMessage(messages.guideResults, { count: answer.total.toLocaleString(language) })}
              </h2>
              <RecommendedList
                items={answer.items}
                requestId={answer.requestId}
                view={{ language, messages, labels }}
                eagerCount={4}
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
                      {formatMessage(messages.relaxOffer, { label: relaxation.label, count: relaxation.count })}
                      <Link
                        href={buildGuideHref(params, { drop: [...drop, relaxation.field].join(",") })}
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
      )}
    </div>
  );
}
