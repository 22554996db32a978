import path from "node:path";
import type { NextConfig } from "next";

/**
 * TEMPORARY: packages/db/src/paths.ts reads `import.meta.dirname`, which Turbopack leaves undefined, so importing
 * @jewelguide/db crashes at module load. Until paths.ts derives its folder from `import.meta.url` (which Turbopack
 * supports), server code gets the value that file expects. Only paths.ts uses `import.meta.dirname` in this repo.
 */
const dbSourceDir = path.resolve(import.meta.dirname, "../../packages/db/src");

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source.
  transpilePackages: ["@jewelguide/api", "@jewelguide/db", "@jewelguide/model"],
  // Bundled, tfjs' wasm backend cannot find its .wasm files; externalise all three so one tfjs-core is loaded.
  serverExternalPackages: ["@tensorflow/tfjs", "@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-wasm"],
  // Product photos are plain <img>: sharp (the optimizer) is not installed.
  images: { unoptimized: true },
  compiler: { defineServer: { "import.meta.dirname": dbSourceDir } },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
