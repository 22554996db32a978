/** The shop's secrets as the serving benchmark signs its requests with them (`@jewelguide/worker/simulate`). */
export { loadShopSecrets } from "./load-shop-secrets";
