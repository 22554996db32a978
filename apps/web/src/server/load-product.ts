import "server-only";
import type { ProductDetail } from "@jewelguide/api";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { getServerCaller } from "./caller";

/** The product of a `/products/[id]` URL, or null when the id is malformed or unknown (the page then 404s). */
export const loadProduct = cache(async (rawId: string): Promise<ProductDetail | null> => {
  if (!/^[1-9]\d{0,9}$/.test(rawId)) return null;
  try {
    return await getServerCaller().catalog.getProduct({ id: Number(rawId) });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
});
