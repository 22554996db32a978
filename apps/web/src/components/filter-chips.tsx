import Link from "next/link";

export type FilterChip = { key: string; label: string; href: string; active: boolean; count?: number };

type FilterChipsProps = { label: string; chips: FilterChip[] };

/** One row of filter links: plain links, so filtering works with the keyboard, without JavaScript, and is shareable. */
export function FilterChips({ label, chips }: FilterChipsProps) {
  return (
    <nav aria-label={label} className="flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-3">
      <span aria-hidden="true" className="shrink-0 text-xs tracking-wide text-muted uppercase sm:w-20 sm:pt-1.5">
        {label}
      </span>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={chip.href}
              aria-current={chip.active ? "page" : undefined}
              scroll={false}
              className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm transition-colors ${
                chip.active
                  ? "border-gold-500 bg-gold-500 text-white"
                  : "border-line bg-white text-ink hover:border-gold-300 hover:bg-gold-50"
              }`}
            >
              {chip.label}
              {chip.count !== undefined && (
                <span className={`text-xs tabular-nums ${chip.active ? "text-white/80" : "text-muted"}`}>
                  {chip.count}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
