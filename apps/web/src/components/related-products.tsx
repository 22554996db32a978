"use client";

import type { Messages } from "@jewelguide/i18n";
import type { Category } from "@jewelguide/model/vocabulary";
import { useQuery } from "@tanstack/react-query";
import type { Language } from "@/i18n/languages";
import type { VocabularyLabels } from "@/i18n/vocabulary-labels";
import { useTRPC } from "@/trpc/client";
import { CardSkeleton } from "./card-skeleton";
import { OutOfStockBadge } from "./out-of-stock-badge";
import { ProductCard } from "./product-card";

const COUNT = 4;

type RelatedProductsProps = {
  productId: number;
  /** A vocabulary category (the page checked it). */
  category: Category;
  heading: string;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
};

/**
 * Below-the-fold "more in this category", fetched in the browser through tRPC once the page is interactive. The
 * grid keeps its height while loading (placeholders of the same size), so nothing jumps.
 */
export function RelatedProducts({ productId, category, heading, language, messages, labels }: RelatedProductsProps) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.catalog.listProducts.queryOptions({ filters: { category }, sort: "featured", pageSize: COUNT + 1 }),
  );
  if (query.isError) return null;
  const items = query.data?.items.filter((item) => item.id !== productId).slice(0, COUNT);
  if (items && items.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-16 border-t border-line pt-8">
      <h2 id="related-heading" className="font-serif text-2xl text-ink">
        {heading}
      </h2>
      <ul className="mt-6 grid grid-cols-2 gap-3 sm:gap-5 lg:grid-cols-4 lg:gap-6" aria-busy={!items}>
        {items
          ? items.map((product) => (
              <li key={product.id} className="flex">
                <ProductCard
                  product={product}
                  view={{ language, messages, labels }}
                  href={`/products/${product.id}`}
                  badge={<OutOfStockBadge inStock={product.inStock} messages={messages} />}
                />
              </li>
            ))
          : Array.from({ length: COUNT }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <li key={index} className="flex">
                <CardSkeleton />
              </li>
            ))}
      </ul>
    </section>
  );
}
