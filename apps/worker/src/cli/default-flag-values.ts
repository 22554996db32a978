import type { FlagSpec, FlagValues } from "./command";

/** Every flag of a command at its default (booleans off, strings absent): to run one command from another. */
export function defaultFlagValues<F extends FlagSpec>(flags: F): FlagValues<F> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [name, flag.type === "boolean" ? false : undefined]),
  ) as FlagValues<F>;
}
