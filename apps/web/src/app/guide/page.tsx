import { getMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { Suspense } from "react";
import { GuideForm } from "@/components/guide-form";
import { GUIDE_SIZE, GuideResults } from "@/components/guide-results";
import { SectionSkeleton } from "@/components/section-skeleton";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";
import { type GuideSearchParams, parseGuideSearchParams } from "@/lib/guide-search-params";

type GuidePageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: getMessages(await getLanguage()).guideTitle };
}

/**
 * The shopping guide: the form at once, and the model's answer (GuideResults) streamed in below it; each new request
 * shows the placeholder again until its answer arrives.
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
      <GuideForm params={params} language={language} messages={messages} />
      {isAsked(params) && (
        <Suspense key={JSON.stringify(params)} fallback={<SectionSkeleton count={GUIDE_SIZE} className="" />}>
          <GuideResults params={params} view={{ language, messages, labels }} />
        </Suspense>
      )}
    </div>
  );
}

/** Whether the shopper asked anything: text, a choice or a budget. */
function isAsked(params: GuideSearchParams): boolean {
  return Boolean(
    params.q || params.category || params.metal || params.recipient || params.occasion || params.style || params.budget,
  );
}
