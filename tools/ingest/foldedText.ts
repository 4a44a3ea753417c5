// foldText (src/text/fold.ts), remembered. Ingestion folds the same names over and over: every
// person the corpus holds is folded again for each article (the people known beforehand, the merge
// looking for the same person), which profiling put at 15% of the CPU time of a 2,500-article
// batch. The answers are foldText's; the memory is bounded (cleared when full).
import { foldText as fold } from "../../src/text/fold.js";

const REMEMBERED = new Map<string, string>();
const MOST = 100_000;

/** Given any text, returns `foldText(text)` (lower-cased, diacritics removed), remembered. */
export function foldText(text: string): string {
  let folded = REMEMBERED.get(text);
  if (folded === undefined) {
    if (REMEMBERED.size >= MOST) REMEMBERED.clear();
    folded = fold(text);
    REMEMBERED.set(text, folded);
  }
  return folded;
}
