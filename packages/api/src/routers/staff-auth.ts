import { findStaffSession } from "../services/auth/find-staff-session";
import { LogInInputSchema, logInStaff } from "../services/auth/log-in-staff";
import { logOutStaff } from "../services/auth/log-out-staff";
import { STAFF_COOKIE, STAFF_SESSION_SECONDS, staffCookieOptions } from "../services/auth/staff-cookie";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Dashboard login: the session token travels only in the http-only, same-site=lax `jg_staff` cookie. */
export const staffAuthRouter = createTRPCRouter({
  login: publicProcedure.input(LogInInputSchema).mutation(async ({ ctx, input }) => {
    const session = await logInStaff(ctx.db, input);
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
