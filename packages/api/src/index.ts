export { type Context, type CreateContextOptions, createContext, createContextInner } from "./context";
export { type AppRouter, appRouter, createCaller } from "./root";
export type { FacetCount, Facets } from "./services/catalog/list-facets";
export { PRODUCT_SORTS, type ProductPage, type ProductSort } from "./services/catalog/list-products";
export type { ProductFilters } from "./services/catalog/product-filters";
export type { ProductCard, ProductDetail } from "./services/catalog/product-selectors";
