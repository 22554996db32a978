/**
 * The PostgreSQL schema is the SQLite schema with the provider, output folder and placeholder URL switched, so the
 * two can never drift. Fails loudly if the SQLite schema no longer has the lines it rewrites.
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/provider = "sqlite"/, 'provider = "postgresql"'],
    [/output(\s*)= "\.\.\/packages\/db\/generated\/sqlite"/, 'output$1= "../../packages/db/generated/postgres"'],
    [/url(\s*)= "file:[^"]*"/, 'url$1= "postgresql://unused@localhost/unused"'],
  ];
  let out = `// GENERATED from prisma/schema.prisma by packages/db/src/scripts/generate.ts: do not edit.\n${sqliteSchema}`;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(out))
      throw new Error(`prisma/schema.prisma no longer contains ${pattern}; update derive-postgres-schema.ts`);
    out = out.replace(pattern, replacement);
  }
  return out;
}
