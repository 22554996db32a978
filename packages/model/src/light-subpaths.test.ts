import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Every subpath export of package.json other than "." is light: importing it in a fresh Node process loads neither
 * TensorFlow.js nor jieba (native, slow to start), so the web app's client components and pages that need a constant
 * do not pull them in. The full barrel "." is the control that shows the probe sees them when they load.
 */
const packageRoot = fileURLToPath(new URL("..", import.meta.url));
const { name, exports } = JSON.parse(readFileSync(`${packageRoot}/package.json`, "utf8")) as {
  name: string;
  exports: Record<string, string>;
};
const HEAVY = /@tensorflow|@node-rs[\\/+]jieba|nsfwjs/;

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
    {
      cwd: packageRoot,
    },
  );
  return (JSON.parse(stdout) as string[]).filter((path) => HEAVY.test(path));
}

describe("package subpath exports", () => {
  const light = Object.keys(exports).filter((subpath) => subpath !== ".");

  it("has light subpaths to test", () => {
    expect(light.length).toBeGreaterThan(0);
  });

  for (const subpath of light) {
    it(`${subpath} loads neither TensorFlow.js nor jieba`, async () => {
      expect(await listHeavyModules(`${name}/${subpath.slice(2)}`)).toEqual([]);
    });
  }

  it("the full barrel does load them (the probe works)", async () => {
    const heavy = await listHeavyModules(name);
    expect(heavy.some((path) => path.includes("tfjs-core"))).toBe(true);
    expect(heavy.some((path) => path.includes("jieba"))).toBe(true);
  });
});
