"use server";

import { errorRequestId, logServerFault, publicErrorMessage, RetryLaterError } from "@jewelguide/api";
import { TRPCError } from "@trpc/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getStaffCaller } from "../../server/staff-caller";

/** Server actions of the dashboard: each goes through the tRPC procedures, which check the staff role. */

export async function logInAction(formData: FormData): Promise<void> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  try {
    await (await getStaffCaller()).staffAuth.login({ email, password });
  } catch (error) {
    // Locked out (log-in back-off or rate limit): say how long to wait; anything else refused: wrong credentials.
    if (error instanceof RetryLaterError) redirect(`/dashboard/login?locked=${error.retryAfterSeconds}`);
    if (error instanceof TRPCError) redirect("/dashboard/login?failed=1");
    throw error;
  }
  redirect("/dashboard");
}

export async function logOutAction(): Promise<void> {
  await (await getStaffCaller()).staffAuth.logout();
  redirect("/dashboard/login");
}

export async function publishAction(formData: FormData): Promise<void> {
  const id = Number(formData.get("id"));
  const force = formData.get("force") === "1";
  await run(async () => {
    await (await getStaffCaller()).dashboard.publish({ id, force });
  });
}

export async function rollbackAction(formData: FormData): Promise<void> {
  const force = formData.get("force") === "1";
  await run(async () => {
    await (await getStaffCaller()).dashboard.rollback({ force });
  });
}

export async function startAbTestAction(formData: FormData): Promise<void> {
  await run(async () => {
    await (await getStaffCaller()).dashboard.startAbTest({
      name: String(formData.get("name") ?? "").trim() || "A/B test",
      versionAId: Number(formData.get("versionA")),
      versionBId: Number(formData.get("versionB")),
      shareB: Number(formData.get("shareB")),
    });
  });
}

export async function stopAbTestAction(formData: FormData): Promise<void> {
  const promote = formData.get("promote");
  await run(async () => {
    await (await getStaffCaller()).dashboard.stopAbTest({
      id: Number(formData.get("id")),
      promote: promote === "A" || promote === "B" ? promote : null,
      force: formData.get("force") === "1",
    });
  });
}

export async function startJobAction(formData: FormData): Promise<void> {
  // The procedure checks the value (retrain | featurize-new) and the admin role on the server.
  const job = String(formData.get("job") ?? "") as "retrain";
  await run(async () => {
    await (await getStaffCaller()).dashboard.startJob({ job });
  });
}

async function run(action: () => Promise<void>): Promise<void> {
  // An expired session (the visitor may still carry a shopper cookie): back to the login form.
  if (!(await (await getStaffCaller()).staffAuth.me())) redirect("/dashboard/login");
  let failure: string | null = null;
  try {
    await action();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "UNAUTHORIZED") redirect("/dashboard/login");
    // A server fault's details go to the log; the page shows only a generic message with the request id.
    logServerFault({ path: "dashboard action", error });
    failure = publicErrorMessage(error, errorRequestId(error, undefined));
  }
  revalidatePath("/dashboard");
  redirect(failure ? `/dashboard?error=${encodeURIComponent(failure)}` : "/dashboard");
}
