import { E2E_ADMIN_EMAIL } from "../prepare-dashboard";
import type { Senders } from "./sender-headers";
import type { AbuseServer } from "./start-abuse-server";
import { cookieValue, sendRaw, trpcMutation } from "./trpc-http";

/**
 * The legitimate credentials the fuzzer mixes in: the shopper cookie the server issues to a browser that opens the
 * home page, and an admin session from a real login (the e2e admin, copied with the database).
 */
export async function prepareSenders(server: AbuseServer, adminPassword: string): Promise<Senders> {
  const selfOrigin = server.url;
  const home = await sendRaw(server.url, { method: "GET", target: "/" });
  const shopper = cookieValue(home, "jg_shopper");
  if (!shopper) throw new Error(`the home page set no jg_shopper cookie (HTTP ${home.status})`);
  const login = await trpcMutation(
    server.url,
    "staffAuth.login",
    { email: E2E_ADMIN_EMAIL, password: adminPassword },
    { origin: selfOrigin },
  );
  const staff = cookieValue(login, "jg_staff");
  if (!staff)
    throw new Error(`the admin login set no jg_staff cookie (HTTP ${login.status}: ${login.body.slice(0, 300)})`);
  return {
    selfOrigin,
    workerToken: server.secrets.workerToken,
    adminCookie: `jg_staff=${encodeURIComponent(staff)}`,
    shopperCookie: `jg_shopper=${encodeURIComponent(shopper)}`,
  };
}
