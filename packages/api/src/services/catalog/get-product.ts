import type { Db } from "@jewelguide/db";
import { AppError } from "@jewelguide/db/errors";
import { z } from "zod";
import { type ProductDetail, productDetailSelect } from "./product-selectors";

export const GetProductInputSchema = z.object({ id: z.number().int().positive() });
export type GetProductInput = z.infer<typeof GetProductInputSchema>;

/** One product for its page. Unknown ids are a NOT_FOUND that names the id. */
export async function getProduct(db: Db, input: GetProductInput): Promise<ProductDetail> {
  const product = await db.product.findUnique({ where: { id: input.id }, select: productDetailSelect });
  if (!product) throw new AppError("NOT_FOUND", `Product ${input.id} does not exist`);
  return product;
}
