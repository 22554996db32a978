import { MAX_GUIDE_TURNS } from "@jewelguide/api";
import { getMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { Suspense } from "react";
import { GuideConversation } from "@/components/guide-conversation";
import { GuideForm } from "@/components/guide-form";
import { GUIDE_SIZE, GuideResults } from "@/components/guide-results";
import { SectionSkeleton } from "@/components/section-skeleton";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";
import { CHOICE_PARAMS, type GuideSearchParams, parseGuideSearchParams } from "@/lib/guide-search-params";

type GuidePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getMessages(await getLanguage()).guideTitle };
}

/**
 * The shopping guide: the first request's form; once asked, the conversation (its turns and the box for the next one)
 * at once, and the model's answer (GuideResults) streamed in below it; each new turn shows the placeholder again until
 * its answer arrives. A URL with more turns than the guide answers gets the "start over" notice and no answer.
 */
export default async function GuidePage({ searchParams }: GuidePageProps) {
  const params = parseGuideSearchParams(await searchParams);
  const language = await getLanguage();
  const messages = getMessages(language);
  const labels = buildVocabularyLabels(language);
  return (
    <div className="flex flex-col gap-8 pt-8 sm:pt-10">
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl text-ink sm:text-4xl">{messages.guideTitle}</h1>
        <p className="max-w-2xl text-sm text-muted">{messages.guideIntro}</p>
      </header>
      {isAsked(params) ? (
        <>
          <GuideConversation params={params} messages={messages} />
          {params.q.length > MAX_GUIDE_TURNS ? null : (
            <Suspense key={JSON.stringify(params)} fallback={<SectionSkeleton count={GUIDE_SIZE} className="" />}>
              <GuideResults params={params} view={{ language, messages, labels }} />
            </Suspense>
          )}
        </>
      ) : (
        <GuideForm params={params} language={language} messages={messages} />
      )}
    </div>
  );
}

/** Whether the shopper asked anything: a turn (even an empty one, sent with quick choices), a choice or a budget. */
function isAsked(params: GuideSearchParams): boolean {
  return params.q.some((turn) => turn !== "") || CHOICE_PARAMS.some((name) => Boolean(params[name]));
}
