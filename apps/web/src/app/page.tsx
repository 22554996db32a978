import { formatMessage, getMessages, type Messages } from "@jewelguide/i18n";
import Link from "next/link";
import { Suspense } from "react";
import { FEED_SECTION_CLASS, FEED_SIZE, FeedSection } from "@/components/feed-section";
import type { FilterChip } from "@/components/filter-chips";
import { FilterChips } from "@/components/filter-chips";
import { OutOfStockBadge } from "@/components/out-of-stock-badge";
import { Pagination } from "@/components/pagination";
import { ProductCard } from "@/components/product-card";
import { SearchForm } from "@/components/search-form";
import { SectionSkeleton } from "@/components/section-skeleton";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";
import { labelCategory, labelMetal } from "@/i18n/vocabulary-labels";
import { buildShopHref, parseShopSearchParams, type ShopSearchParams } from "@/lib/shop-search-params";
import { getServerCaller } from "@/server/caller";

const PAGE_SIZE = 24;

type ShopPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ShopPage({ searchParams }: ShopPageProps) {
  const params = parseShopSearchParams(await searchParams);
  const language = await getLanguage();
  const messages = getMessages(language);
  const labels = buildVocabularyLabels(language);
  const caller = getServerCaller();
  const filters = { category: params.category, metal: params.metal, q: params.q };
  const [page, facets] = await Promise.all([
    caller.catalog.listProducts({ filters, sort: params.sort, page: params.page, pageSize: PAGE_SIZE }),
    caller.catalog.listFacets({ filters }),
  ]);
  const filtered = Boolean(params.category || params.metal || params.q);
  const showFeed = !filtered && (params.page ?? 1) === 1;

  return (
    <div className="pt-8 sm:pt-10">
      {showFeed && (
        <div className="mb-10">
          <Suspense fallback={<SectionSkeleton count={FEED_SIZE} className={FEED_SECTION_CLASS} />}>
            <FeedSection view={{ language, messages, labels }} />
          </Suspense>
        </div>
      )}
      <section className="flex flex-col gap-6 border-b border-line pb-6">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="font-serif text-3xl text-ink sm:text-4xl">{messages.shopHeading}</h1>
            <p className="mt-1 text-sm text-muted" data-testid="result-count">
              {formatMessage(messages.resultCount, { count: page.total.toLocaleString(language) })}
            </p>
          </div>
          <SearchForm params={params} messages={messages} />
        </div>
        <div className="flex flex-col gap-3">
          <FilterChips
            label={messages.categoryFilter}
            chips={[
              chipAll(params, "category", messages),
              ...facets.categories.map((facet) => ({
                key: facet.value,
                label: labelCategory(labels, facet.value),
                count: facet.count,
                active: params.category === facet.value,
                href: buildShopHref(params, { category: params.category === facet.value ? undefined : facet.value }),
              })),
            ]}
          />
          <FilterChips
            label={messages.metalFilter}
            chips={[
              chipAll(params, "metal", messages),
              ...facets.metals.map((facet) => ({
                key: facet.value,
                label: labelMetal(labels, facet.value) ?? facet.value,
                count: facet.count,
                active: params.metal === facet.value,
                href: buildShopHref(params, { metal: params.metal === facet.value ? undefined : facet.value }),
              })),
            ]}
          />
          <FilterChips label={messages.sortLabel} chips={sortChips(params, messages)} />
        </div>
      </section>

      {page.items.length === 0 ? (
        <div className="py-24 text-center">
          <p className="font-serif text-xl text-ink">{messages.noResults}</p>
          {filtered && (
            <Link href="/" className="mt-4 inline-block text-sm text-gold-700 underline underline-offset-4">
              {messages.clearFilters}
            </Link>
          )}
        </div>
      ) : (
        <ul className="mt-8 grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4 lg:gap-6">
          {page.items.map((product, index) => (
            <li key={product.id} className="flex">
              <ProductCard
                product={product}
                view={{ language, messages, labels }}
                href={`/products/${product.id}`}
                eager={index < 4}
                badge={<OutOfStockBadge inStock={product.inStock} messages={messages} />}
              />
            </li>
          ))}
        </ul>
      )}

      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={(target) => buildShopHref(params, { page: target })}
        messages={messages}
      />
    </div>
  );
}

function chipAll(params: ShopSearchParams, key: "category" | "metal", messages: Messages): FilterChip {
  return { key: "all", label: messages.all, active: !params[key], href: buildShopHref(params, { [key]: undefined }) };
}

function sortChips(params: ShopSearchParams, messages: Messages): FilterChip[] {
  const options = [
    { value: "featured", label: messages.sortFeatured },
    { value: "popularity", label: messages.sortPopularity },
    { value: "newest", label: messages.sortNewest },
    { value: "price-asc", label: messages.sortPriceAsc },
    { value: "price-desc", label: messages.sortPriceDesc },
  ] as const;
  return options.map((option) => ({
    key: option.value,
    label: option.label,
    active: (params.sort ?? "featured") === option.value,
    href: buildShopHref(params, { sort: option.value === "featured" ? undefined : option.value }),
  }));
}
