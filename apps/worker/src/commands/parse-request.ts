import { createInterface } from "node:readline";
import {
  applyTurn,
  type Currency,
  createEmptyGuideState,
  GUIDE_STATE_FIELDS,
  PARSED_REQUEST_FIELDS,
  parseRequest,
} from "@jewelguide/model";
import { defineCommand, type Output } from "../cli/command";
import { UsageError } from "../cli/usage-error";

const CURRENCIES: readonly Currency[] = ["CNY", "USD", "EUR", "GBP", "HKD", "JPY"];

/** Parses each line of `input` as one shopping request and writes one JSON object per line; returns the count. */
export async function parseRequestLines(
  input: NodeJS.ReadableStream,
  stdout: Output,
  defaultCurrency?: Currency,
): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const parsed = parseRequest(line, defaultCurrency ? { defaultCurrency } : {});
    const row = Object.fromEntries(PARSED_REQUEST_FIELDS.map((field) => [field, parsed[field] ?? null]));
    stdout.write(`${JSON.stringify(row)}\n`);
    count++;
  }
  return count;
}

/**
 * Reads each line of `input` as the next turn of one guide conversation and writes, per line, how it was read (`kind`:
 * new-request or edit) and the conversation's state after it; returns the count.
 */
export async function readConversationLines(
  input: NodeJS.ReadableStream,
  stdout: Output,
  defaultCurrency?: Currency,
): Promise<number> {
  let state = createEmptyGuideState();
  let count = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const outcome = applyTurn(state, line, defaultCurrency ? { defaultCurrency } : {});
    state = outcome.state;
    const row = { kind: outcome.kind, ...Object.fromEntries(GUIDE_STATE_FIELDS.map((field) => [field, state[field]])) };
    stdout.write(`${JSON.stringify(row)}\n`);
    count++;
  }
  return count;
}

export const parseRequestCommand = defineCommand({
  name: "parse-request",
  summary: "Parse shopping requests (one per line on stdin) into JSON lines on stdout.",
  help: `Reads free-text shopping requests in Chinese and/or English, one per line, from stdin and prints one JSON
object per line with exactly the fields category, metal, gem, color, gender, recipient, occasion, style, priceMin,
priceMax, currency and rest (null when absent). Empty lines give an all-null object, so output lines match input lines.
Amounts without a currency are CNY when the request holds Chinese characters, else USD (override with --currency).
"3000左右", "around $500" and a bare "500块" become a ±20% range.
Example: echo "送妈妈的金手镯，预算5000" | npm run worker -- parse-request
With --conversation, the lines are the turns of one guide conversation: each line edits the state the lines before it
built ("便宜一点", "换成银的", "not for men"…), and each output line is how it was read (kind: new-request or edit) and
the state after it: category, metal, gem, gender, recipient, occasion, style, priceMin, priceMax, currency, excluded.
("Cheaper" without a budget needs the last answer's prices, which only the guide service has: here it changes nothing.)
Example: printf '送妈妈的金手镯，预算5000\\n便宜一点\\n换成银的\\n' | npm run worker -- parse-request --conversation`,
  flags: {
    conversation: {
      type: "boolean",
      description: "Read the lines as the turns of one guide conversation and print the state after each.",
    },
    currency: {
      type: "string",
      valueName: "CODE",
      description: `Currency of amounts stated without one: ${CURRENCIES.join(", ")}.`,
    },
  },
  async run({ flags, stdout, stderr }) {
    const code = flags.currency?.toUpperCase();
    const currency = CURRENCIES.find((candidate) => candidate === code);
    if (code !== undefined && currency === undefined) {
      throw new UsageError(
        `parse-request: unknown currency "${flags.currency}"; choose one of: ${CURRENCIES.join(", ")}`,
      );
    }
    if (flags.conversation) {
      const turns = await readConversationLines(process.stdin, stdout, currency);
      stderr.write(`read ${turns} turn(s)\n`);
      return 0;
    }
    const count = await parseRequestLines(process.stdin, stdout, currency);
    stderr.write(`parsed ${count} request(s)\n`);
    return 0;
  },
});
