type ServerFaultNoticeProps = {
  /** Next's digest of the error: the server log has the error's details under it. */
  digest: string | undefined;
  retry: () => void;
};

/**
 * What a shopper sees when a page fails on the server: a generic apology in both languages (the page's language is
 * not known to an error boundary), the error's digest to quote to the shop, and a retry. Never the error's message:
 * it may name tables, files or queries; Next logs it server-side with the same digest.
 */
export function ServerFaultNotice({ digest, retry }: ServerFaultNoticeProps) {
  return (
    <div role="alert" className="flex flex-col items-center py-28 text-center">
      <h1 className="font-serif text-2xl text-ink">
        <span lang="zh-CN">页面出错了</span> · <span lang="en">Something went wrong on our side</span>
      </h1>
      <p className="mt-2 text-sm text-muted">
        <span lang="zh-CN">请稍后再试。</span> <span lang="en">Please try again in a moment.</span>
      </p>
      {digest ? (
        <p className="mt-4 font-mono text-xs text-muted" data-testid="error-digest">
          <span lang="zh-CN">错误编号</span> / <span lang="en">Error reference</span>: {digest}
        </p>
      ) : null}
      <button
        type="button"
        onClick={retry}
        className="mt-8 rounded-full border border-ink bg-ink px-5 py-2 text-sm text-white transition-colors hover:bg-gold-700"
      >
        <span lang="zh-CN">重试</span> · <span lang="en">Try again</span>
      </button>
    </div>
  );
}
