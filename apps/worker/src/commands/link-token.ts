import { LINK_TOKEN_MAX_TTL_SECONDS, MIN_LINK_SECRET_LENGTH, mintLinkToken } from "@jewelguide/api/security";
import { defineCommand } from "../cli/command";
import { UsageError } from "../cli/usage-error";
import { parsePositiveInteger } from "./parse-numeric-flags";

export const linkTokenCommand = defineCommand({
  name: "link-token",
  summary: "Mint a short-lived token that links a browser to a shop customer's history (for testing the link route).",
  help: `Prints a token that /api/shopper/link redeems: it sets the customer's signed shopper cookie, so that browser sees
the customer's feed, favourites and cart. Signed with JEWELGUIDE_SHOPPER_LINK_SECRET (the secret the shop's own backend
holds; the web app must run with the same value). A shop's backend mints these itself for its logged-in customer (see
README, "Linking a logged-in customer"); this command is for trying the route.
Example: npm run worker -- link-token --customer 512445128 --ttl 300
  then open http://localhost:3000/api/shopper/link?token=<printed token>&next=/`,
  flags: {
    customer: { type: "string", valueName: "ID", description: "the customer's id as stored (User.externalId)" },
    ttl: {
      type: "string",
      valueName: "SECONDS",
      description: `how long the token lives (default 300, at most ${LINK_TOKEN_MAX_TTL_SECONDS})`,
    },
  },
  async run({ flags, env, stdout }) {
    if (flags.customer === undefined) throw new UsageError("--customer ID is required");
    const ttlSeconds = flags.ttl === undefined ? 300 : parsePositiveInteger("--ttl", flags.ttl);
    if (ttlSeconds > LINK_TOKEN_MAX_TTL_SECONDS) {
      throw new UsageError(`--ttl must be at most ${LINK_TOKEN_MAX_TTL_SECONDS} seconds`);
    }
    const secret = env.shopperLinkSecret?.trim();
    if (!secret || secret.length < MIN_LINK_SECRET_LENGTH) {
      throw new UsageError(
        `set JEWELGUIDE_SHOPPER_LINK_SECRET (at least ${MIN_LINK_SECRET_LENGTH} characters; the web app needs the same)`,
      );
    }
    let token: string;
    try {
      token = mintLinkToken(flags.customer, secret, { now: Date.now(), ttlSeconds });
    } catch (error) {
      throw new UsageError(`--customer: ${(error as Error).message}`);
    }
    stdout.write(`${token}\n`);
    return 0;
  },
});
