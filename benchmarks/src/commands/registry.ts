import type { Command } from "@jewelguide/worker/cli";
import { contentCommand } from "./content";
import { explorationCommand } from "./exploration";
import { featuresCommand } from "./features";
import { rees46Command } from "./rees46";
import { scaleCommand } from "./scale";
import { servingCommand } from "./serving";
import { similarCommand } from "./similar";

/** Every benchmark, in the order `npm run bench -- --help` lists them. */
export const BENCHMARK_COMMANDS: Command[] = [
  rees46Command,
  servingCommand,
  featuresCommand,
  contentCommand,
  similarCommand,
  explorationCommand,
  scaleCommand,
];
