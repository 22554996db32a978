/** The worker's test workspace as other workspace packages' tests use it (`@jewelguide/worker/testing`). */
export { seedPurchases } from "./seed-purchases";
export { useFreshWorkspace } from "./temp-workspace";
