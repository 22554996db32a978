import { formatMessage, type Messages } from "@jewelguide/i18n";
import Link from "next/link";
import { pageWindow } from "@/lib/page-window";

type PaginationProps = {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  messages: Messages;
};

export function Pagination({ page, pageCount, hrefFor, messages }: PaginationProps) {
  if (pageCount <= 1) return null;
  const baseClass =
    "inline-flex h-9 min-w-9 items-center justify-center rounded-full border px-3 text-sm transition-colors";
  const linkClass = `${baseClass} border-line bg-white hover:border-gold-300 hover:bg-gold-50`;
  const currentClass = `${baseClass} border-ink bg-ink text-white`;
  return (
    <nav aria-label={messages.pagination} className="mt-10 flex flex-col items-center gap-3">
      <ul className="flex flex-wrap items-center justify-center gap-2">
        <li>
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
              ← {messages.previousPage}
            </Link>
          ) : (
            <span className={`${linkClass} pointer-events-none opacity-40`} aria-disabled="true">
              ← {messages.previousPage}
            </span>
          )}
        </li>
        {pageWindow(page, pageCount).map((entry, index) =>
          entry === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={entry}>
              <Link
                href={hrefFor(entry)}
                aria-current={entry === page ? "page" : undefined}
                className={`${entry === page ? currentClass : linkClass} tabular-nums`}
              >
                {entry}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
              {messages.nextPage} →
            </Link>
          ) : (
            <span className={`${linkClass} pointer-events-none opacity-40`} aria-disabled="true">
              {messages.nextPage} →
            </span>
          )}
        </li>
      </ul>
      <p className="text-xs text-muted">{formatMessage(messages.pageOf, { page, pageCount })}</p>
    </nav>
  );
}
