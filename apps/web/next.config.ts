import type { NextConfig } from "next";
import { NON_DOCUMENT_HEADERS, NON_DOCUMENT_SOURCES, SECURITY_HEADERS } from "./src/server/security-headers";

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source.
  transpilePackages: ["@jewelguide/api", "@jewelguide/db", "@jewelguide/i18n", "@jewelguide/model"],
  // Bundled, tfjs' wasm backend cannot find its .wasm files; externalise all three so one tfjs-core is loaded.
  serverExternalPackages: [
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-wasm",
    "@node-rs/jieba",
  ],
  // Product photos are plain <img>: sharp (the optimizer) is not installed.
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Security headers on every response; the paths that never serve a page also get a CSP that allows nothing (pages
  // get a nonce CSP per request from src/proxy.ts). See src/server/security-headers.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      ...NON_DOCUMENT_SOURCES.map((source) => ({ source, headers: [...NON_DOCUMENT_HEADERS] })),
    ];
  },
};

export default nextConfig;
