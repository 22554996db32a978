import { RetryLaterError } from "@jewelguide/api";
import { formatMessage } from "@jewelguide/i18n";
import Link from "next/link";
import { getServerCaller } from "@/server/caller";
import { RecommendedList } from "./recommended-list";
import type { ShopperView } from "./shopper-view";

/** How many pieces the home feed shows. */
export const FEED_SIZE = 12;

/** The feed section's frame (shared with its loading placeholder). */
export const FEED_SECTION_CLASS = "border-b border-line pb-8";

/**
 * The home feed, server-rendered for the current shopper: personalised picks from the served model (or popular ones
 * across categories for a new shopper), each with its "why this?", and the entry to the guide. Over the feed's rate
 * limit, the section says when the picks come back instead of failing the page.
 */
export async function FeedSection({ view }: { view: ShopperView }) {
  const { messages } = view;
  const feed = await getServerCaller()
    .recommendations.feed({ k: FEED_SIZE })
    .catch((error: unknown) => {
      if (error instanceof RetryLaterError) return error;
      throw error;
    });
  if (feed instanceof RetryLaterError) {
    return (
      <section aria-labelledby="feed-heading" className={FEED_SECTION_CLASS} data-testid="feed">
        <h2 id="feed-heading" className="font-serif text-2xl text-ink sm:text-3xl">
          {messages.feedHeadingNew}
        </h2>
        <p role="alert" className="mt-4 rounded-lg border border-line bg-white p-6 text-sm text-ink">
          {formatMessage(messages.feedTooMany, { seconds: feed.retryAfterSeconds })}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="feed-heading" className={FEED_SECTION_CLASS} data-testid="feed">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="feed-heading" className="font-serif text-2xl text-ink sm:text-3xl">
            {feed.personalised ? messages.feedHeading : messages.feedHeadingNew}
          </h2>
          <p className="mt-1 text-sm text-muted">
            {feed.personalised ? messages.feedIntroPersonal : messages.feedIntroNew}
          </p>
          <p className="mt-1 text-xs text-muted" data-testid="feed-source">
            {feed.source === "fallback-popularity"
              ? messages.feedFallback
              : formatMessage(messages.modelLabel, { kind: feed.modelKind, version: feed.modelVersionId ?? "—" })}
          </p>
        </div>
        <Link
          href="/guide"
          className="flex shrink-0 flex-col rounded-lg border border-gold-300 bg-gold-50 px-4 py-3 text-sm text-ink transition-colors hover:bg-white focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none sm:max-w-xs"
        >
          <span className="font-serif text-lg text-gold-700">{messages.helpMeChoose} →</span>
          <span className="text-xs text-muted">{messages.helpMeChooseText}</span>
        </Link>
      </div>
      <div className="mt-6">
        <RecommendedList items={feed.items} requestId={feed.requestId} view={view} eagerCount={4} />
      </div>
    </section>
  );
}
