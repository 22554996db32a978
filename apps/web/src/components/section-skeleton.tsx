import { RecommendedListSkeleton } from "./recommended-list-skeleton";

type SectionSkeletonProps = {
  /** How many tiles the real section will show. */
  count: number;
  className: string;
};

/**
 * A model-backed section's stand-in while the page shell is already on screen: a heading bar and the grid's
 * placeholder tiles, in the section's own frame.
 */
export function SectionSkeleton({ count, className }: SectionSkeletonProps) {
  return (
    <section aria-busy="true" className={className}>
      <div aria-hidden="true" className="h-8 w-64 max-w-full animate-pulse rounded bg-gold-50" />
      <div aria-hidden="true" className="mt-2 h-4 w-80 max-w-full animate-pulse rounded bg-gold-50" />
      <div className="mt-6">
        <RecommendedListSkeleton count={count} />
      </div>
    </section>
  );
}
