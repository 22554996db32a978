import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * A logger for the web server: one JSON line per event (pino), with `requestId` wherever a request is being answered.
 * Writes synchronously to stdout unless given another destination (tests capture the lines).
 */
export function createServerLogger(destination?: DestinationStream): Logger {
  return destination ? pino({}, destination) : pino();
}

/**
 * The process's logger. Next may bundle this module twice (app router and Pages API); each copy then has its own
 * pino instance writing to the same stdout, which is harmless: a logger holds no state the app relies on.
 */
export const serverLogger = createServerLogger();
