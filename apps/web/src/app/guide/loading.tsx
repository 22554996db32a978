import { GUIDE_SIZE } from "@/components/guide-results";
import { SectionSkeleton } from "@/components/section-skeleton";

/** Shown at once while the guide route renders (a navigation to it, a new request from its form). */
export default function GuideLoading() {
  return <SectionSkeleton count={GUIDE_SIZE} className="pt-8 sm:pt-10" />;
}
