import type { Messages } from "@jewelguide/i18n";
import type { ShopSearchParams } from "@/lib/shop-search-params";

type SearchFormProps = { params: ShopSearchParams; messages: Messages };

/** A GET form on the shop URL: keeps the chosen category, metal and sort, restarts at page 1. */
export function SearchForm({ params, messages }: SearchFormProps) {
  return (
    <search className="w-full max-w-md">
      <form action="/" method="get" className="flex w-full gap-2">
        <label htmlFor="shop-search" className="sr-only">
          {messages.searchLabel}
        </label>
        <input
          id="shop-search"
          type="search"
          name="q"
          defaultValue={params.q ?? ""}
          placeholder={messages.searchPlaceholder}
          maxLength={100}
          className="min-w-0 flex-1 rounded-full border border-line bg-white px-4 py-2 text-sm placeholder:text-muted/70 focus:border-gold-300"
        />
        {params.category && <input type="hidden" name="category" value={params.category} />}
        {params.metal && <input type="hidden" name="metal" value={params.metal} />}
        {params.sort && <input type="hidden" name="sort" value={params.sort} />}
        <button
          type="submit"
          className="rounded-full border border-ink bg-ink px-4 py-2 text-sm text-white transition-colors hover:bg-gold-700"
        >
          {messages.searchButton}
        </button>
      </form>
    </search>
  );
}
