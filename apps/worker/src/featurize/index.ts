/** The item features as the benchmarks package reuses them (`@jewelguide/worker/featurize`). */
export { buildProductText } from "./build-product-text";
export { loadCachedImageEncoder } from "./load-cached-image-encoder";
export { defaultFeatureSpecs, type FeatureSpec, textFeatureSpec } from "./load-dense-content";
