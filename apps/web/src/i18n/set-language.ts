"use server";

import { cookies } from "next/headers";
import { isLanguage, LANGUAGE_COOKIE } from "./languages";

/** Server action behind the 中文/English switch: stores the choice for a year; the page re-renders in it. */
export async function setLanguage(formData: FormData): Promise<void> {
  const value = formData.get("lang");
  if (typeof value !== "string" || !isLanguage(value)) return;
  (await cookies()).set(LANGUAGE_COOKIE, value, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  });
}
