import { readNodeRequestClient, redeemShopperLink, serializeCookie } from "@jewelguide/api/security";
import type { NextApiRequest, NextApiResponse } from "next";
import { getEnv } from "@/env";
import { logErrorReply } from "@/server/log-error-reply";
import { getServerSecrets } from "@/server/server-secrets";

/**
 * `GET /api/shopper/link?token=…&next=/path`: where the shop's backend sends its logged-in customer's browser with a
 * token it signed (JEWELGUIDE_SHOPPER_LINK_SECRET). A valid token sets that customer's signed shopper cookie and
 * redirects (303) to `next` on this site; otherwise a plain-text 400 / 401, or 503 when linking is not configured,
 * naming the request id (`X-Request-Id`) under which the server log has the reason.
 */
export default function linkShopper(req: NextApiRequest, res: NextApiResponse): void {
  res.setHeader("cache-control", "no-store");
  const env = getEnv();
  const secrets = getServerSecrets();
  const client = readNodeRequestClient(req, { trustProxy: env.JEWELGUIDE_TRUST_PROXY === "1", secrets });
  const refuse = (status: number, message: string) => {
    logErrorReply({ requestId: client.requestId, route: "shopper link", status, reason: message });
    res.setHeader("x-request-id", client.requestId);
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.status(status).send(`${message}\n`);
  };
  if (req.method !== "GET") {
    res.setHeader("allow", "GET");
    refuse(405, "only GET");
    return;
  }
  const answer = redeemShopperLink({
    token: single(req.query.token),
    next: single(req.query.next),
    linkSecret: env.JEWELGUIDE_SHOPPER_LINK_SECRET,
    secrets,
    secure: client.secure,
    now: Date.now(),
  });
  if (answer.status !== 303) {
    refuse(answer.status, answer.message);
    return;
  }
  res.setHeader("set-cookie", serializeCookie(answer.cookie.name, answer.cookie.value, answer.cookie.options));
  res.setHeader("location", answer.location);
  res.status(303).end();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
