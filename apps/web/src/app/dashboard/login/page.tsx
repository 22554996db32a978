import { formatMessage, getDashboardMessages } from "@jewelguide/i18n";
import type { Metadata } from "next";
import { logInAction } from "@/app/dashboard/actions";
import { getLanguage } from "@/i18n/get-language";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getDashboardMessages(await getLanguage()).loginTitle, robots: { index: false } };
}

type LoginPageProps = { searchParams: Promise<{ failed?: string; locked?: string }> };

export default async function DashboardLoginPage({ searchParams }: LoginPageProps) {
  const t = getDashboardMessages(await getLanguage());
  const params = await searchParams;
  const lockedSeconds = readLockedSeconds(params.locked);
  const failed = params.failed === "1";
  return (
    <section className="mx-auto my-12 max-w-sm">
      <h1 className="font-serif text-2xl text-ink">{t.loginTitle}</h1>
      <p className="mt-2 text-sm text-muted">{formatMessage(t.loginIntro, {})}</p>
      {lockedSeconds !== undefined || failed ? (
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {lockedSeconds !== undefined ? formatMessage(t.loginLocked, { seconds: lockedSeconds }) : t.loginFailed}
        </p>
      ) : null}
      <form action={logInAction} className="mt-6 flex flex-col gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t.email}
          <input
            name="email"
            type="email"
            required
            autoComplete="username"
            className="rounded border border-line px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t.password}
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className="rounded border border-line px-3 py-2"
          />
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm text-white hover:bg-gold-700">
          {t.logIn}
        </button>
      </form>
    </section>
  );
}

/** `?locked=N` (seconds to wait, set by the log-in action after a 429), or undefined when absent or not a count. */
function readLockedSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  return Number(value);
}
