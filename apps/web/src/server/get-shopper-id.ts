import "server-only";
import { cookies } from "next/headers";
import { isShopperId, SHOPPER_COOKIE } from "../lib/shopper-cookie";

/** The current shopper's cookie id (set by proxy.ts on the first visit), or undefined when absent or malformed. */
export async function getShopperId(): Promise<string | undefined> {
  const value = (await cookies()).get(SHOPPER_COOKIE)?.value;
  return isShopperId(value) ? value : undefined;
}
