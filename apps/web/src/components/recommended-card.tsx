import Link from "next/link";
import type { Messages } from "@/i18n/dictionary";
import type { Language } from "@/i18n/languages";
import type { VocabularyLabels } from "@/i18n/vocabulary-labels";
import { displayPrice } from "@/lib/display-price";
import { productTitle } from "@/lib/product-title";
import { buildProductHref } from "@/lib/recommendation-ref";
import { CARD_CLASS, describeMaterial, type ProductCardData } from "./product-card";
import { ProductImage } from "./product-image";

export type RecommendedCardData = ProductCardData & {
  slot: number;
  why: string;
  reason: { kind: string };
  /** The server's signed record of serving this item here (list, request, slot): passed on to the product page. */
  attribution: string;
};

type RecommendedCardProps = {
  item: RecommendedCardData;
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
  eager?: boolean;
};

/** A recommended piece: photo, title, material, price, and its one-line "why this?" from the recommender's signals. */
export function RecommendedCard({ item, language, messages, labels, eager }: RecommendedCardProps) {
  const title = productTitle(item, language);
  const material = describeMaterial(labels, item);
  return (
    <article
      data-testid="recommended-card"
      data-category={item.category}
      data-reason={item.reason.kind}
      className={CARD_CLASS}
    >
      <div className="relative overflow-hidden border-b border-line/70">
        <ProductImage
          imageUrl={item.imageUrl}
          alt={title}
          category={item.category}
          labels={labels}
          eager={eager}
          className="transition duration-300 group-hover:scale-[1.03]"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3 sm:p-4">
        <h3 className="line-clamp-2 min-h-[2.5rem] text-sm leading-5 text-ink">
          <Link
            href={buildProductHref(item.id, item.attribution)}
            className="after:absolute after:inset-0 focus-visible:outline-none"
          >
            {title}
          </Link>
        </h3>
        <p className="min-h-4 truncate text-xs text-muted">{material}</p>
        <p className="pt-1 font-serif text-base text-gold-700" data-testid="recommended-price">
          {displayPrice(item, language, messages)}
        </p>
        <p className="mt-auto border-t border-line/70 pt-2 text-xs leading-5 text-ink/80" data-testid="why-this">
          <span className="sr-only">{messages.whyThis} </span>
          {item.why}
        </p>
      </div>
    </article>
  );
}
