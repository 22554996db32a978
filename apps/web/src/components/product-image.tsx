import { labelCategory, type VocabularyLabels } from "@/i18n/vocabulary-labels";

type ProductImageProps = {
  imageUrl: string | null;
  alt: string;
  category: string;
  labels: VocabularyLabels;
  /** The first row of a page loads eagerly; the rest lazily. */
  eager?: boolean;
  className?: string;
};

/**
 * The product photo in a square frame, or, when there is none, a quiet neutral tile naming the category (never a
 * stand-in photo). Fixed aspect ratio and explicit size: no layout jump while loading.
 */
export function ProductImage({ imageUrl, alt, category, labels, eager = false, className = "" }: ProductImageProps) {
  if (!imageUrl) {
    return (
      <div
        role="img"
        aria-label={alt}
        data-testid="product-image-placeholder"
        className={`flex aspect-square w-full flex-col items-center justify-center gap-3 bg-gradient-to-br from-gold-50 to-[#f3eee6] ${className}`}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-10 text-gold-300" fill="none" stroke="currentColor">
          <path d="M6 3h12l4 6-10 12L2 9l4-6Z" strokeWidth="1" strokeLinejoin="round" />
          <path d="M2 9h20M9 3l3 18M15 3l-3 18" strokeWidth="0.6" />
        </svg>
        <span className="font-serif text-sm tracking-[0.2em] text-gold-700 uppercase">
          {labelCategory(labels, category)}
        </span>
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: plain <img> on purpose, the Next image optimizer needs sharp
    <img
      src={imageUrl}
      alt={alt}
      width={256}
      height={256}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`aspect-square w-full bg-white object-contain ${className}`}
    />
  );
}
