// Prisma CLI configuration. Prisma 6.19.3 runs offline only with its JS engine and a driver adapter
// (see ../../../shared/STACK.md); the schema lives in the top-level prisma/ folder.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? `file:${path.join(root, "var/jewelguide.db")}` });
  },
});
