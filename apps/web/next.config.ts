import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source.
  transpilePackages: ["@jewelguide/api", "@jewelguide/db", "@jewelguide/model"],
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
};

export default nextConfig;
