import type { Messages } from "@jewelguide/i18n";
import { getServerCaller } from "@/server/caller";
import { ShopperListToggle } from "./shopper-list-toggle";

type ProductActionsProps = { productId: number; messages: Messages };

/** Favourite and add-to-cart buttons, with their current state derived from the cookie's shopper's events. */
export async function ProductActions({ productId, messages }: ProductActionsProps) {
  const caller = getServerCaller();
  const [favorites, cart] = await Promise.all([
    caller.shopper.listItems({ list: "favorite" }),
    caller.shopper.listItems({ list: "cart" }),
  ]);
  return (
    <div className="flex flex-wrap gap-3">
      <ShopperListToggle
        productId={productId}
        list="cart"
        initiallyOn={cart.some((item) => item.id === productId)}
        labelOn={messages.removeFromCart}
        labelOff={messages.addToCart}
        failedLabel={messages.actionFailed}
        testId="toggle-cart"
      />
      <ShopperListToggle
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
