import { rateLimited } from "../security/rate-limit/rate-limited";
import { findStaffSession } from "../services/auth/find-staff-session";
import { LogInInputSchema, logInStaff } from "../services/auth/log-in-staff";
import { logOutStaff } from "../services/auth/log-out-staff";
import { STAFF_COOKIE, STAFF_SESSION_SECONDS, staffCookieOptions } from "../services/auth/staff-cookie";
import { createTRPCRouter, publicProcedure } from "../trpc";

/**
 * Dashboard login: the session token travels only in the http-only, same-site=lax `jg_staff` cookie (Secure when the
 * request came over HTTPS). Log-in attempts are rate limited per shopper and address, and failed passwords back off
 * per account and address (logInStaff).
 */
export const staffAuthRouter = createTRPCRouter({
  login: publicProcedure
    .use(rateLimited("login"))
    .input(LogInInputSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await logInStaff(ctx.db, input, { address: ctx.client.address, rateLimiter: ctx.rateLimiter });
      ctx.cookies.set(STAFF_COOKIE, session.token, staffCookieOptions(STAFF_SESSION_SECONDS, ctx.client.secure));
      return { staff: session.staff, expiresAt: session.expiresAt };
    }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await logOutStaff(ctx.db, ctx.cookies.get(STAFF_COOKIE));
    ctx.cookies.set(STAFF_COOKIE, "", staffCookieOptions(0, ctx.client.secure));
    return { ok: true };
  }),
  me: publicProcedure.query(({ ctx }) => findStaffSession(ctx.db, ctx.cookies.get(STAFF_COOKIE))),
});
