import { GetProductInputSchema, getProduct } from "../services/catalog/get-product";
import { ListFacetsInputSchema, listFacets } from "../services/catalog/list-facets";
import { ListProductsInputSchema, listProducts } from "../services/catalog/list-products";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** The shop catalog: thin procedures, each one zod input and one service call. */
export const catalogRouter = createTRPCRouter({
  listProducts: publicProcedure
    .input(ListProductsInputSchema)
    .query(({ ctx, input }) => listProducts(ctx.db, ctx.dialect, input)),
  getProduct: publicProcedure.input(GetProductInputSchema).query(({ ctx, input }) => getProduct(ctx.db, input)),
  listFacets: publicProcedure
    .input(ListFacetsInputSchema)
    .query(({ ctx, input }) => listFacets(ctx.db, ctx.dialect, input)),
});
