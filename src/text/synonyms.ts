// Words readers use interchangeably for the things this service names: a reader's "trade deal"
// is the corpus's "trade agreement", their "car tariffs" its "tariff on automobiles".
// Kept short on purpose: every group here widens every search that uses one of its words.
import { termOf } from "./analyze.js";

/** Groups of interchangeable words, as printed; each word stands for every other in its group. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["agreement", "deal", "accord", "pact", "treaty"],
  ["tariff", "duty", "levy"],
  ["automobile", "car", "auto"],
  ["semiconductor", "chip"],
  ["talks", "negotiations"],
];

const byTerm = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const terms = group.map((word) => termOf(word)).filter((t): t is string => t !== null);
  for (const term of terms) byTerm.set(term, [...new Set([...(byTerm.get(term) ?? []), ...terms.filter((t) => t !== term)])]);
}

/** Given an index term, returns the terms that mean the same (not the term itself); empty when none. */
export function synonymsOf(term: string): readonly string[] {
  return byTerm.get(term) ?? [];
}
