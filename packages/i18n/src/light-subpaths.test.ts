import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The package is light: no export, the barrel included, loads TensorFlow.js or jieba (it reaches @jewelguide/model
 * only through its light subpaths), and the `./languages` and `./format-price` subpaths that client components import
 * do not reach the message tables, so those stay out of the browser bundles.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const { name, exports } = JSON.parse(readFileSync(`${packageRoot}/package.json`, "utf8")) as {
  name: string;
  exports: Record<string, string>;
};
const HEAVY = /@tensorflow|@node-rs[\\/+]jieba|nsfwjs/;
const MESSAGES_FILE = resolve(packageRoot, "src/messages.ts");

/** The heavy CommonJS modules (tfjs, jieba and nsfwjs all load as CommonJS) that importing `specifier` loads. */
async function listHeavyModules(specifier: string): Promise<string[]> {
  const probe = `
    import { createRequire } from "node:module";
    await import(${JSON.stringify(specifier)});
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    if (globalThis._tfengine !== undefined) loaded.push("@tensorflow/tfjs-core (engine)");
    console.log(JSON.stringify(loaded));
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", probe],
    { cwd: packageRoot },
  );
  return (JSON.parse(stdout) as string[]).filter((path) => HEAVY.test(path));
}

/** The package's own files a module loads at run time: its relative imports and re-exports, type-only ones left out. */
function listLocalModules(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, specifier] of source.matchAll(/^(?:import|export)(?! type )[^;]*?from "(\.[^"]+)"/gms)) {
    const target = resolve(dirname(file), `${specifier}.ts`);
    if (!seen.has(target)) listLocalModules(target, seen);
  }
  return seen;
}

describe("package subpath exports", () => {
  for (const subpath of Object.keys(exports)) {
    it(`${subpath} loads neither TensorFlow.js nor jieba`, async () => {
      const specifier = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
      expect(await listHeavyModules(specifier)).toEqual([]);
    });
  }

  it("the model's barrel does load them (the probe works)", async () => {
    const heavy = await listHeavyModules("@jewelguide/model");
    expect(heavy.some((path) => path.includes("tfjs-core"))).toBe(true);
    expect(heavy.some((path) => path.includes("jieba"))).toBe(true);
  });

  it.each(["./languages", "./format-price"])("%s does not reach the message tables", (subpath) => {
    const entry = exports[subpath];
    expect(entry).toBeDefined();
    expect(listLocalModules(resolve(packageRoot, entry as string))).not.toContain(MESSAGES_FILE);
  });

  it("the barrel does reach them (the walk works)", () => {
    expect(listLocalModules(resolve(packageRoot, exports["."] as string))).toContain(MESSAGES_FILE);
  });
});
