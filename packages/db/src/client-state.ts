import type { Db } from "./client";

/**
 * Per-process state that belongs to one database client (its SQL reader, the model serving built on it), kept on the
 * client object itself under a `Symbol.for` key. Next bundles the app router and the Pages API separately, so a web
 * process holds two copies of every module while its one client lives on globalThis: a module-level WeakMap keyed by
 * the client would be two registries, and the bundle that did not create the state would find none (or build a second
 * copy). The global symbol registry is one per process, so every copy of this code finds the same value.
 */
export function clientState<T extends object>(db: Db, name: string, create: () => T): T {
  const existing = readClientState<T>(db, name);
  if (existing) return existing;
  const value = create();
  Object.defineProperty(db, stateKey(name), { value, enumerable: false, configurable: false, writable: false });
  return value;
}

/** The state stored under `name` on this client, or undefined when none was stored. */
export function readClientState<T extends object>(db: Db, name: string): T | undefined {
  return (db as unknown as Record<symbol, T | undefined>)[stateKey(name)];
}

function stateKey(name: string): symbol {
  return Symbol.for(`jewelguide.${name}`);
}
