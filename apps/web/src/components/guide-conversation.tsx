import { MAX_GUIDE_TURN_LENGTH, MAX_GUIDE_TURNS } from "@jewelguide/api";
import { formatMessage, type Messages } from "@jewelguide/i18n";
import Link from "next/link";
import { buildGuideHref, CHOICE_PARAMS, type GuideSearchParams } from "@/lib/guide-search-params";

type GuideConversationProps = { params: GuideSearchParams; messages: Messages };

/**
 * The guide's conversation so far and the box for the next turn. A plain GET form: the earlier turns and the quick
 * choices travel as hidden fields before the new turn, so each turn is a new URL (back/forward and sharing work) and
 * it works without JavaScript. Each earlier turn links to the conversation as it was after it.
 */
export function GuideConversation({ params, messages }: GuideConversationProps) {
  const turns = params.q.map((text, index) => ({ text, index })).filter(({ text }) => text !== "");
  const isFull = params.q.length >= MAX_GUIDE_TURNS;
  return (
    <section
      aria-labelledby="guide-conversation-heading"
      className="flex flex-col gap-3"
      data-testid="guide-conversation"
    >
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="guide-conversation-heading" className="text-xs tracking-wide text-muted uppercase">
          {messages.guideConversation}
        </h2>
        <Link
          href="/guide"
          className="text-sm text-gold-700 underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
        >
          {messages.guideStartOver}
        </Link>
      </div>
      {turns.length > 0 && (
        <ol className="flex flex-col gap-1.5 text-sm" data-testid="guide-turns">
          {turns.map(({ text, index }) => (
            <li key={index}>
              <Link
                href={buildGuideHref(params, { q: params.q.slice(0, index + 1) })}
                className="inline-block rounded-2xl bg-gold-50 px-3 py-1.5 text-ink hover:bg-white focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
              >
                {text}
              </Link>
            </li>
          ))}
        </ol>
      )}
      {isFull ? (
        <p role="status" className="text-sm text-muted">
          {formatMessage(messages.guideTurnsFull, { max: MAX_GUIDE_TURNS })}
        </p>
      ) : (
        <form action="/guide" method="get" className="flex flex-col gap-2">
          {params.q.map((turn, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the turns are a fixed list of this URL; equal turns may repeat
            <input key={index} type="hidden" name="q" value={turn} />
          ))}
          {CHOICE_PARAMS.map((name) => {
            const value = params[name];
            return value ? <input key={name} type="hidden" name={name} value={value} /> : null;
          })}
          {params.drop && <input type="hidden" name="drop" value={params.drop} />}
          <label htmlFor="guide-follow-up" className="text-sm text-ink">
            {messages.guideFollowUpLabel}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="guide-follow-up"
              name="q"
              type="search"
              required
              placeholder={messages.guideFollowUpPlaceholder}
              maxLength={MAX_GUIDE_TURN_LENGTH}
              className="min-w-0 flex-1 rounded-full border border-line bg-white px-4 py-2.5 text-sm text-ink placeholder:text-muted focus-visible:border-gold-500 focus-visible:ring-2 focus-visible:ring-gold-500/40 focus-visible:outline-none"
            />
            <button
              type="submit"
              className="rounded-full bg-ink px-5 py-2.5 text-sm text-white transition-colors hover:bg-gold-700 focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none"
            >
              {messages.guideFollowUpSubmit}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
