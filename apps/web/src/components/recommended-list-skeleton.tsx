import { CardSkeleton } from "./card-skeleton";
import { RECOMMENDED_GRID } from "./recommended-list";

/** The recommended grid's placeholder while the model answers: as many tiles as will come, in the same grid. */
export function RecommendedListSkeleton({ count }: { count: number }) {
  return (
    <ul className={RECOMMENDED_GRID} aria-busy="true">
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={index} className="flex">
          <CardSkeleton />
        </li>
      ))}
    </ul>
  );
}
