import Link from "next/link";
import type { ReactNode } from "react";
import { labelGem, labelMetal, type VocabularyLabels } from "@/i18n/vocabulary-labels";
import { displayPrice } from "@/lib/display-price";
import { productTitle } from "@/lib/product-title";
import { ProductImage } from "./product-image";
import type { ShopperView } from "./shopper-view";

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

type ProductCardProps = {
  product: ProductCardData;
  view: ShopperView;
  /** Where the title leads; the whole card is its link. A served item's link carries its signed attribution. */
  href: string;
  /** A grid tile (photo on top) or a list row (small photo beside the text, actions at the end). */
  layout?: "tile" | "row";
  /** Above-the-fold photos load eagerly. */
  eager?: boolean;
  /** Over the photo's corner, e.g. "out of stock". */
  badge?: ReactNode;
  /** Under the price, e.g. a recommendation's "why this?". */
  explanation?: ReactNode;
  /** Controls of their own (e.g. remove from the cart), kept above the card's link. */
  actions?: ReactNode;
  /** What the tests find the card and its price by ("product-card"/"product-price" unless said otherwise). */
  testIds?: { card: string; price: string };
  /** data-* attributes for the card element (what the tests filter recommended cards by). */
  data?: Record<`data-${string}`, string>;
};

const SHELL = {
  tile: "group relative flex w-full flex-col overflow-hidden rounded-lg border border-line bg-white transition duration-200 hover:-translate-y-0.5 hover:border-gold-300 hover:shadow-[0_10px_30px_-12px_rgba(123,92,41,0.25)] has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-gold-500",
  row: "relative flex w-full items-center gap-4 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-gold-500",
};
const PHOTO = {
  tile: "relative overflow-hidden border-b border-line/70",
  row: "relative w-16 shrink-0 overflow-hidden rounded border border-line sm:w-20",
};
const BODY = { tile: "flex flex-1 flex-col gap-1 p-3 sm:p-4", row: "flex min-w-0 flex-1 flex-col gap-1" };
const TITLE = {
  tile: "line-clamp-2 min-h-[2.5rem] text-sm leading-5 text-ink",
  row: "truncate text-sm text-ink hover:text-gold-700",
};

/**
 * The one product card of the shop: photo, title (the card's link), metal and gem, price, and slots for what differs
 * between the catalog grid, the recommendation grids and the shopper's lists (badge, explanation, actions).
 */
export function ProductCard(props: ProductCardProps) {
  const { product, view, layout = "tile", testIds = { card: "product-card", price: "product-price" } } = props;
  const title = productTitle(product, view.language);
  return (
    <article data-testid={testIds.card} className={SHELL[layout]} {...props.data}>
      <div className={PHOTO[layout]}>
        <ProductImage
          imageUrl={product.imageUrl}
          alt={title}
          category={product.category}
          labels={view.labels}
          eager={props.eager}
          className={layout === "tile" ? "transition duration-300 group-hover:scale-[1.03]" : ""}
        />
        {props.badge}
      </div>
      <div className={BODY[layout]}>
        <h3 className={TITLE[layout]}>
          <Link href={props.href} className="after:absolute after:inset-0 focus-visible:outline-none">
            {title}
          </Link>
        </h3>
        <p className="min-h-4 truncate text-xs text-muted">{describeMaterial(view.labels, product)}</p>
        <p
          className={`pt-1 font-serif text-base text-gold-700 ${props.explanation ? "" : "mt-auto"}`}
          data-testid={testIds.price}
        >
          {displayPrice(product, view.language, view.messages)}
        </p>
        {props.explanation}
      </div>
      {props.actions ? <div className="relative z-10 shrink-0">{props.actions}</div> : null}
    </article>
  );
}

/** "Rose gold · Diamond": the piece's metal and gem in the current language, whichever are known. */
function describeMaterial(labels: VocabularyLabels, item: { metal: string | null; gem: string | null }): string {
  return [labelMetal(labels, item.metal), labelGem(labels, item.gem)].filter(Boolean).join(" · ");
}
