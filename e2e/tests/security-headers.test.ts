import { type AbuseServer, startAbuseServer } from "../src/abuse/start-abuse-server";
import { e2eBaseUrl as baseUrl } from "../src/paths";
import { expect, test } from "../src/test";

/** A second server on its own copy of the shop, behind a "trusted proxy", whose database then loses a table. */
const FAULT_PORT = 3120;

// These tests provoke policy violations and a failing page on purpose, and assert what their pages logged themselves.
test.use({ failOnPageErrors: false });

/** The policy as directive → sources. */
function parsePolicy(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function nonceOf(policy: string | null): string {
  const nonce = parsePolicy(policy)
    .get("script-src")
    ?.find((source) => source.startsWith("'nonce-"))
    ?.slice("'nonce-".length, -1);
  if (!nonce) throw new Error(`no nonce in the policy: ${policy}`);
  return nonce;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, redirect: "manual" });
}

/** A product id, one of its photos and one of Next's static chunks, as the shop itself links them. */
async function findShopUrls(origin: string): Promise<{ productPath: string; photoPath: string; chunkPath: string }> {
  const html = await (await get(`${origin}/`)).text();
  const productPath = html.match(/href="(\/products\/\d+)[^"]*"/)?.[1];
  const photoPath = html.match(/src="(\/media\/[^"]+)"/)?.[1];
  const chunkPath = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  if (!productPath || !photoPath || !chunkPath) throw new Error("the home page links no product, photo or chunk");
  return { productPath, photoPath, chunkPath };
}

test.describe("security headers", () => {
  test("are on every response: pages, the tRPC endpoint, a photo, a static chunk and 404s", async () => {
    const { productPath, photoPath, chunkPath } = await findShopUrls(baseUrl);
    const facets = `/api/trpc/catalog.listFacets?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;
    const targets = [
      { path: "/", status: 200, page: true },
      { path: "/guide", status: 200, page: true },
      { path: productPath, status: 200, page: true },
      { path: "/dashboard/login", status: 200, page: true },
      { path: "/no-such-page", status: 404, page: true },
      { path: "/api/no-such-route", status: 404, page: true },
      { path: facets, status: 200, page: false },
      { path: "/api/trpc/no.such.procedure", status: 404, page: false },
      { path: photoPath, status: 200, page: false },
      { path: "/media/no-such-photo.jpg", status: 404, page: false },
      { path: chunkPath, status: 200, page: false },
    ];
    for (const target of targets) {
      const response = await get(`${baseUrl}${target.path}`);
      const where = `${target.path} (${response.status})`;
      expect(response.status, where).toBe(target.status);
      expect(response.headers.get("x-content-type-options"), where).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), where).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy"), where).toMatch(
        /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
      );
      expect(response.headers.get("x-frame-options"), where).toBe("DENY");
      expect(response.headers.get("cross-origin-opener-policy"), where).toBe("same-origin");
      expect(response.headers.get("strict-transport-security"), `${where}: plain HTTP, no HSTS`).toBeNull();
      const policies = response.headers.get("content-security-policy");
      expect(policies, where).not.toContain(","); // exactly one policy, not two merged ones
      const policy = parsePolicy(policies);
      expect(policy.get("frame-ancestors"), where).toEqual(["'none'"]);
      expect((response.headers.get("content-type") ?? "").includes("text/html"), where).toBe(target.page);
      if (target.page) {
        const scriptSrc = policy.get("script-src") ?? [];
        expect(scriptSrc, where).toEqual(["'self'", `'nonce-${nonceOf(policies)}'`, "'strict-dynamic'"]);
        expect([...policy.values()].flat(), where).not.toContain("'unsafe-inline'");
        expect([...policy.values()].flat(), where).not.toContain("'unsafe-eval'");
        expect(policy.get("object-src"), where).toEqual(["'none'"]);
        expect(policy.get("base-uri"), where).toEqual(["'none'"]);
        expect(policy.get("form-action"), where).toEqual(["'self'"]);
        expect(policy.get("connect-src"), where).toEqual(["'self'"]);
      } else {
        expect(policy.get("default-src"), where).toEqual(["'none'"]);
      }
    }
  });

  test("give every page request its own nonce, the one on every script tag of that page", async ({ page }) => {
    const nonces: string[] = [];
    for (const path of ["/", "/"]) {
      const response = await get(`${baseUrl}${path}`);
      const nonce = nonceOf(response.headers.get("content-security-policy"));
      const html = await response.text();
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length).toBeGreaterThan(3);
      for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(Buffer.from(nonces[0] ?? "", "base64")).toHaveLength(16);

    // In the browser, too: every script element carries the nonce of the policy the document arrived with.
    const response = await page.goto("/guide");
    const nonce = nonceOf((await response?.allHeaders())?.["content-security-policy"] ?? null);
    const scriptNonces = await page
      .locator("script")
      .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(3);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  });

  test("are enforced: the pages run clean under them, and what they forbid is blocked and caught by the e2e collector", async ({
    page,
    pageErrors,
  }) => {
    const { productPath } = await findShopUrls(baseUrl);
    for (const path of ["/", "/guide?q=gold", productPath, "/dashboard/login", "/cart"]) {
      await page.goto(path, { waitUntil: "networkidle" });
    }
    expect(pageErrors).toEqual([]);

    // A plugin: refused by the policy and reported as a violation (reports arrive asynchronously).
    await page.evaluate(() => {
      const plugin = document.createElement("object");
      plugin.data = "/media/plugin.swf";
      document.body.append(plugin);
    });
    await expect.poll(() => pageErrors.join("\n"), { timeout: 5_000 }).toMatch(/object-src/);
  });

  test("keep the dashboard out of any frame (frame-ancestors 'none')", async ({ page, pageErrors }) => {
    // A document without a policy of its own (so only the framed page's frame-ancestors can refuse the frame).
    await page.setContent(`<iframe src="${baseUrl}/dashboard/login"></iframe>`);
    await expect.poll(() => pageErrors.join("\n"), { timeout: 5_000 }).toMatch(/frame-ancestors/);
    const framed = page.frames().find((frame) => frame.url().includes("/dashboard/login"));
    expect(
      await framed
        ?.locator("input[type=password]")
        .count()
        .catch(() => 0),
    ).not.toBe(1);
  });
});

test.describe("behind a trusted HTTPS proxy, with a database that lost a table", () => {
  let server: AbuseServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await startAbuseServer("security-headers", FAULT_PORT, { JEWELGUIDE_TRUST_PROXY: "1" });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("HSTS on pages, the tRPC endpoint and photos over HTTPS, never over HTTP", async () => {
    const { productPath, photoPath } = await findShopUrls(server.url);
    for (const path of ["/", productPath, "/api/trpc/catalog.listFacets", photoPath]) {
      const https = await get(`${server.url}${path}`, { "x-forwarded-proto": "https" });
      expect(https.headers.get("strict-transport-security"), path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      const http = await get(`${server.url}${path}`, { "x-forwarded-proto": "http" });
      expect(http.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  test("a page that fails on the server shows a generic message and Next's digest, never the error's text", async ({
    page,
  }) => {
    const { productPath } = await findShopUrls(server.url);
    await server.database.db.$executeRawUnsafe('ALTER TABLE "Product" RENAME TO "ProductGone"');
    try {
      const response = await get(`${server.url}${productPath}`);
      const html = await response.text();
      expect(response.status).toBe(500);
      expect(html).not.toMatch(/prisma|ProductGone|does not exist|no such table|node_modules|\.ts:\d/i);
      expect(nonceOf(response.headers.get("content-security-policy"))).toBeTruthy();

      await page.goto(`${server.url}${productPath}`);
      await expect(page.getByRole("alert").getByText("Something went wrong on our side")).toBeVisible();
      await expect(page.getByTestId("error-digest")).toHaveText(/Error reference: \S{6,}/);
      expect(await page.content()).not.toMatch(/prisma|ProductGone|does not exist|no such table/i);

      const reply = await get(
        `${server.url}/api/trpc/catalog.getProduct?input=${encodeURIComponent(JSON.stringify({ json: { id: 1 } }))}`,
      );
      const body = await reply.text();
      expect(reply.status).toBe(500);
      expect(body).toMatch(/Something went wrong on our side \(request id [0-9a-f-]{36}\)/);
      expect(body).not.toMatch(/prisma|ProductGone|does not exist|no such table|"stack"/i);
    } finally {
      await server.database.db.$executeRawUnsafe('ALTER TABLE "ProductGone" RENAME TO "Product"');
    }
  });
});
