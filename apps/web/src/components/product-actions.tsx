import type { Messages } from "../i18n/dictionary";
import { getServerCaller } from "../server/caller";
import { ShopperListToggle } from "./shopper-list-toggle";

type ProductActionsProps = { productId: number; shopperId: string | undefined; messages: Messages };

/** Favourite and add-to-cart buttons, with their current state derived from the shopper's events. */
export async function ProductActions({ productId, shopperId, messages }: ProductActionsProps) {
  const caller = getServerCaller();
  const [favorites, cart] = shopperId
    ? await Promise.all([
        caller.shopper.listItems({ shopperId, list: "favorite" }),
        caller.shopper.listItems({ shopperId, list: "cart" }),
      ])
    : [[], []];
  return (
    <div className="flex flex-wrap gap-3">
      <ShopperListToggle
        shopperId={shopperId}
        productId={productId}
        list="cart"
        initiallyOn={cart.some((item) => item.id === productId)}
        labelOn={messages.removeFromCart}
        labelOff={messages.addToCart}
        failedLabel={messages.actionFailed}
        testId="toggle-cart"
      />
      <ShopperListToggle
        shopperId={shopperId}
        productId={productId}
        list="favorite"
        initiallyOn={favorites.some((item) => item.id === productId)}
        labelOn={messages.removeFavorite}
        labelOff={messages.saveFavorite}
        failedLabel={messages.actionFailed}
        testId="toggle-favorite"
      />
    </div>
  );
}
