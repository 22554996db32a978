"use client";

import { ServerFaultNotice } from "@/components/server-fault-notice";

type ErrorPageProps = { error: Error & { digest?: string }; retry: () => void };

/** A page that failed to render, inside the shop's layout: generic message and digest only (ServerFaultNotice). */
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  return <ServerFaultNotice digest={error.digest} retry={retry} />;
}
