import Link from "next/link";
import type { Messages } from "@/i18n/dictionary";
import type { Language } from "@/i18n/languages";
import { labelGem, labelMetal, type VocabularyLabels } from "@/i18n/vocabulary-labels";
import { displayPrice } from "@/lib/display-price";
import { productTitle } from "@/lib/product-title";
import { ProductImage } from "./product-image";

export type ProductCardData = {
  id: number;
  titleZh: string;
  titleEn: string;
  category: string;
  metal: string | null;
  gem: string | null;
  price: number;
  currency: string;
  imageUrl: string | null;
  inStock: boolean;
};

/** The card shell shared by catalog and recommendation cards. */
export const CARD_CLASS =
  "group relative flex w-full flex-col overflow-hidden rounded-lg border border-line bg-white transition duration-200 hover:-translate-y-0.5 hover:border-gold-300 hover:shadow-[0_10px_30px_-12px_rgba(123,92,41,0.25)] has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-gold-500";

/** "Rose gold · Diamond": the piece's metal and gem in the current language, whichever are known. */
export function describeMaterial(labels: VocabularyLabels, item: { metal: string | null; gem: string | null }): string {
  return [labelMetal(labels, item.metal), labelGem(labels, item.gem)].filter(Boolean).join(" · ");
}

type ProductCardProps = {
  product: ProductCardData;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
  eager?: boolean;
};

export function ProductCard({ product, language, messages, labels, eager }: ProductCardProps) {
  const title = productTitle(product, language);
  const material = describeMaterial(labels, product);
  return (
    <article data-testid="product-card" className={CARD_CLASS}>
      <div className="relative overflow-hidden border-b border-line/70">
        <ProductImage
          imageUrl={product.imageUrl}
          alt={title}
          category={product.category}
          labels={labels}
          eager={eager}
          className="transition duration-300 group-hover:scale-[1.03]"
        />
        {!product.inStock && (
          <span className="absolute top-2 left-2 rounded-full bg-white/90 px-2 py-0.5 text-[11px] text-muted ring-1 ring-line">
            {messages.outOfStock}
          </span>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3 sm:p-4">
        <h3 className="line-clamp-2 min-h-[2.5rem] text-sm leading-5 text-ink">
          <Link href={`/products/${product.id}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {title}
          </Link>
        </h3>
        <p className="min-h-4 truncate text-xs text-muted">{material}</p>
        <p className="mt-auto pt-1 font-serif text-base text-gold-700" data-testid="product-price">
          {displayPrice(product, language, messages)}
        </p>
      </div>
    </article>
  );
}
