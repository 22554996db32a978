import type { Messages } from "@jewelguide/i18n";
import { formatPrice } from "@jewelguide/i18n/format-price";
import type { Language } from "@/i18n/languages";
import type { VocabularyLabels } from "@/i18n/vocabulary-labels";
import { getServerCaller } from "@/server/caller";
import { DemoCheckoutButton } from "./demo-checkout-button";
import { ProductCard } from "./product-card";
import { RemoveFromListButton } from "./remove-from-list-button";

type ShopperListPageProps = {
  list: "favorite" | "cart";
  language: Language;
  messages: Messages;
  labels: VocabularyLabels;
};

/**
 * The cookie's shopper's favourites or cart: product cards as rows, each with its remove button; the cart adds the
 * demo checkout.
 */
export async function ShopperListPage({ list, language, messages, labels }: ShopperListPageProps) {
  const items = await getServerCaller().shopper.listItems({ list });
  const title = list === "cart" ? messages.cartTitle : messages.favoritesTitle;
  const total = items.reduce((sum, item) => sum + item.price, 0);
  return (
    <div className="flex flex-col gap-6 pt-8 sm:pt-10">
      <h1 className="font-serif text-3xl text-ink sm:text-4xl">{title}</h1>
      {items.length === 0 ? (
        <p className="py-12 text-center text-muted" data-testid="list-empty">
          {list === "cart" ? messages.cartEmpty : messages.favoritesEmpty}
        </p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-line rounded-lg border border-line bg-white"
          data-testid="list-items"
        >
          {items.map((item) => (
            <li key={item.id} className="p-3 sm:p-4" data-testid="list-item">
              <ProductCard
                product={item}
                view={{ language, messages, labels }}
                href={`/products/${item.id}`}
                layout="row"
                actions={<RemoveFromListButton productId={item.id} list={list} label={messages.remove} />}
              />
            </li>
          ))}
        </ul>
      )}
      {list === "cart" && (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <p className="max-w-md text-xs text-muted">{messages.demoCheckoutNote}</p>
          <div className="flex flex-col items-start gap-2 sm:items-end">
            {items.length > 0 && (
              <p className="text-sm text-ink">
                {messages.cartTotal}: {formatPrice(total, items[0]?.currency ?? "USD", language)}
              </p>
            )}
            <DemoCheckoutButton
              productIds={items.map((item) => item.id)}
              label={messages.buyDemo}
              doneLabel={messages.purchased}
              failedLabel={messages.actionFailed}
            />
          </div>
        </div>
      )}
    </div>
  );
}
