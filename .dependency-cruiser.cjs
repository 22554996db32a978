/**
 * Import rules checked by `npm test` (scripts/check-import-cycles.sh): no module may reach itself through the imports
 * that run (across the workspace packages too: `@jewelguide/*` resolves to each package's src), nor through type-only
 * imports: those cost nothing at run time, but they still tangle the layers.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle: split the shared part into a module both sides import, or pass it in as an argument.",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"], viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-circular-through-types",
      severity: "error",
      comment: "An import cycle closed by a type-only import: move the shared type into a module of its own.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["(^|/)node_modules/", "(^|/)\\.next/", "(^|/)generated/"] },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types"],
    },
  },
};
