export type CookieOptions = {
  httpOnly: boolean;
  sameSite: "lax" | "strict";
  secure: boolean;
  path: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
};

/** The cookies of one request, and a way to set response cookies: HTTP, Next server actions or a test. */
export type CookieJar = {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
};

/** A jar over a Cookie request header whose writes become Set-Cookie headers (the tRPC fetch adapter's resHeaders). */
export function createHeaderCookieJar(
  cookieHeader: string | null,
  responseHeaders?: { append(name: string, value: string): unknown },
): CookieJar {
  const values = new Map<string, string>();
  for (const part of (cookieHeader ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      values.set(name, decodeURIComponent(raw));
    } catch {
      values.set(name, raw);
    }
  }
  return {
    get: (name) => values.get(name),
    set(name, value, options) {
      values.set(name, value);
      responseHeaders?.append("set-cookie", serializeCookie(name, value, options));
    },
  };
}

/** A jar held in memory (tests, server-side callers that set no cookies). */
export function createMemoryCookieJar(initial: Record<string, string> = {}): CookieJar {
  const values = new Map(Object.entries(initial));
  return {
    get: (name) => values.get(name),
    set(name, value, options) {
      if (options.maxAge === 0) values.delete(name);
      else values.set(name, value);
    },
  };
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    options.httpOnly ? "HttpOnly" : "",
    `SameSite=${options.sameSite === "lax" ? "Lax" : "Strict"}`,
    options.secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}
