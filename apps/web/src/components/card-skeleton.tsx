/**
 * A placeholder the size of a product tile (square photo, text block), shown while the pieces are on their way, so
 * nothing jumps when they arrive.
 */
export function CardSkeleton() {
  return (
    <div aria-hidden="true" className="w-full animate-pulse rounded-lg border border-line bg-white">
      <div className="aspect-square w-full bg-gold-50" />
      <div className="h-[104px]" />
    </div>
  );
}
