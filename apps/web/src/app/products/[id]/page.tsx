import { formatMessage, getMessages } from "@jewelguide/i18n";
import { isCategory } from "@jewelguide/model/vocabulary";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ProductActions } from "@/components/product-actions";
import { ProductActivityLogger } from "@/components/product-activity-logger";
import { ProductImage } from "@/components/product-image";
import {
  ProductRecommendations,
  RECOMMENDATION_SECTION_CLASS,
  TOGETHER_SIZE,
} from "@/components/product-recommendations";
import { RelatedProducts } from "@/components/related-products";
import { SectionSkeleton } from "@/components/section-skeleton";
import { buildVocabularyLabels } from "@/i18n/build-vocabulary-labels";
import { getLanguage } from "@/i18n/get-language";
import { labelCategory, labelGem, labelGender, labelMetal } from "@/i18n/vocabulary-labels";
import { displayPrice } from "@/lib/display-price";
import { productTitle } from "@/lib/product-title";
import { parseRecommendationRef } from "@/lib/recommendation-ref";
import { loadProduct } from "@/server/load-product";

type ProductPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await loadProduct((await params).id);
  if (!product) return {};
  return { title: productTitle(product, await getLanguage()) };
}

export default async function ProductPage({ params, searchParams }: ProductPageProps) {
  const product = await loadProduct((await params).id);
  if (!product) notFound();
  const attribution = parseRecommendationRef(await searchParams);
  const language = await getLanguage();
  const messages = getMessages(language);
  const labels = buildVocabularyLabels(language);
  const title = productTitle(product, language);
  const otherTitle = language === "zh" ? product.titleEn : product.titleZh;
  const category = labelCategory(labels, product.category);
  const attributes: Array<[string, string | null]> = [
    [messages.attrCategory, category],
    [messages.attrMetal, labelMetal(labels, product.metal)],
    [messages.attrGem, labelGem(labels, product.gem)],
    [messages.attrColor, product.color],
    [messages.attrGender, labelGender(messages, product.gender)],
    [messages.attrBrand, product.brand],
    [messages.attrStock, product.inStock ? messages.inStock : messages.outOfStock],
    [messages.attrSku, product.sku],
  ];

  return (
    <div className="pt-6 sm:pt-8">
      <Link href="/" className="text-sm text-muted transition-colors hover:text-gold-700">
        ← {messages.backToShop}
      </Link>
      <article className="mt-6 grid gap-8 md:grid-cols-2 md:gap-12">
        <div className="overflow-hidden rounded-xl border border-line bg-white">
          <ProductImage
            imageUrl={product.imageUrl}
            alt={title}
            category={product.category}
            labels={labels}
            eager
            className="p-6"
          />
        </div>
        <div className="flex flex-col gap-5">
          <div>
            <p className="text-xs tracking-[0.2em] text-gold-600 uppercase">{category}</p>
            <h1 className="mt-2 font-serif text-3xl leading-tight text-ink sm:text-4xl" data-testid="product-title">
              {title}
            </h1>
            {otherTitle && otherTitle !== title && (
              <p lang={language === "zh" ? "en" : "zh-CN"} className="mt-2 text-sm text-muted">
                {otherTitle}
              </p>
            )}
          </div>
          <p className="font-serif text-2xl text-gold-700" data-testid="product-price">
            {displayPrice(product, language, messages)}
          </p>
          <ProductActions productId={product.id} messages={messages} />
          <section aria-labelledby="details-heading" className="border-t border-line pt-4">
            <h2 id="details-heading" className="text-xs tracking-[0.2em] text-muted uppercase">
              {messages.details}
            </h2>
            <table className="mt-3 w-full text-sm">
              <tbody>
                {attributes.map(([label, value]) => (
                  <tr key={label} className="border-b border-line/70 last:border-0">
                    <th scope="row" className="w-1/3 py-2 pr-4 text-left font-normal text-muted">
                      {label}
                    </th>
                    <td className="py-2 text-ink">{value ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="description-heading" className="border-t border-line pt-4">
            <h2 id="description-heading" className="text-xs tracking-[0.2em] text-muted uppercase">
              {messages.description}
            </h2>
            <p className="mt-3 text-sm leading-7 whitespace-pre-line text-ink/90">
              {product.description.trim() || messages.noDescription}
            </p>
          </section>
        </div>
      </article>
      <ProductActivityLogger productId={product.id} attribution={attribution} />
      <Suspense fallback={<SectionSkeleton count={TOGETHER_SIZE} className={RECOMMENDATION_SECTION_CLASS} />}>
        <ProductRecommendations sku={product.sku} view={{ language, messages, labels }} />
      </Suspense>
      {isCategory(product.category) && (
        <RelatedProducts
          productId={product.id}
          category={product.category}
          heading={formatMessage(messages.related, { category })}
          language={language}
          messages={messages}
          labels={labels}
        />
      )}
    </div>
  );
}
