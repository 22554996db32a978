import type { CsrMatrix, FitProgress, ItemItemTerm, JointConfig } from "@jewelguide/model";

/** What the parent sends the thread (structured-cloned): the training matrix, the catalog size and the config. */
export type ItemItemThreadRequest = { entry: string; matrix: CsrMatrix; items: number; config: JointConfig };

/** What the thread posts back: progress while it fits, then the term. */
export type ItemItemThreadMessage = { type: "progress"; progress: FitProgress } | { type: "term"; term: ItemItemTerm };
