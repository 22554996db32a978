import { AppError } from "@jewelguide/db/errors";
import { findStaffSession, type StaffRole } from "./services/auth/find-staff-session";
import { SHOPPER_COOKIE, STAFF_COOKIE } from "./services/auth/staff-cookie";
import { publicProcedure } from "./trpc";

const RANK: Record<StaffRole, number> = { merchandiser: 1, admin: 2 };

/**
 * A procedure for the dashboard: the staff session is checked on the server for every call. No staff session:
 * UNAUTHORIZED (FORBIDDEN for a known shopper, who is identified but not staff); a staff member below `role`: FORBIDDEN.
 */
export function requireRole(role: StaffRole) {
  return publicProcedure.use(async ({ ctx, next }) => {
    const staff = await findStaffSession(ctx.db, ctx.cookies.get(STAFF_COOKIE));
    if (!staff) {
      if (ctx.cookies.get(SHOPPER_COOKIE)) {
        throw new AppError("FORBIDDEN", "the dashboard is for the shop's staff");
      }
      throw new AppError("UNAUTHORIZED", "log in to the dashboard first");
    }
    if (RANK[staff.role] < RANK[role]) {
      throw new AppError("FORBIDDEN", `this needs the ${role} role; you are ${staff.role}`);
    }
    return next({ ctx: { ...ctx, staff } });
  });
}
