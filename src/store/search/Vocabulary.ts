// The terms one search index holds, numbered, and how a query term reaches them: as itself, as
// a synonym, as the start of a longer term (a word still being typed) or within a typo's
// distance. MiniSearch's radix tree (SearchableMap) does the prefix and typo look-ups.
import SearchableMap from "minisearch/SearchableMap";
import { synonymsOf } from "../../text/synonyms.js";
import type { QueryTerm } from "./QueryPlan.js";

/** How an index term was reached from a query term, best first. */
export enum MatchKind {
  NONE = 0,
  FUZZY = 1,
  PREFIX = 2,
  SYNONYM = 3,
  EXACT = 4,
}

/** One index term a query term reaches, with how and at what weight (exact = 1). */
export interface Alternative {
  termNo: number;
  term: string;
  kind: MatchKind;
  weight: number;
  /** The query term this alternative came from (a prefix highlight shows only that much). */
  from: string;
}

/** Weights of the kinds of match below exact: a typo counts for less than a word being typed. */
export const MATCH_WEIGHTS: Record<MatchKind, number> = {
  [MatchKind.NONE]: 0,
  [MatchKind.FUZZY]: 0.5,
  [MatchKind.PREFIX]: 0.7,
  [MatchKind.SYNONYM]: 0.9,
  [MatchKind.EXACT]: 1,
};

// A short prefix reaches much of the vocabulary; the shortest completions are the likeliest
// words, and capping them keeps one keystroke from costing a scan of every posting list.
const MAX_PREFIX_EXPANSIONS = 40;
const MAX_FUZZY_EXPANSIONS = 20;

/** A growing set of terms, each with a number in order of first sight. */
export class Vocabulary {
  // Exact look-ups (one per word while indexing) go to a hash map; the radix tree, slower to
  // probe, serves only prefix and typo look-ups.
  private readonly numbers = new Map<string, number>();
  private readonly tree = new SearchableMap<number>();
  private readonly terms: string[] = [];

  /** How many distinct terms there are. */
  get size(): number {
    return this.terms.length;
  }

  /** Given a term, returns its number, adding it when new. */
  add(term: string): number {
    let no = this.numbers.get(term);
    if (no === undefined) {
      no = this.terms.length;
      this.terms.push(term);
      this.numbers.set(term, no);
      this.tree.set(term, no);
    }
    return no;
  }

  /** Given a term, returns its number, or undefined when the index never saw it. */
  numberOf(term: string): number | undefined {
    return this.numbers.get(term);
  }

  /**
   * Given a query term, returns every index term it reaches: itself, its synonyms, then (when
   * the query term allows) longer terms it starts and terms within its typo distance. Each index
   * term appears once, under its best kind.
   */
  expand(query: QueryTerm, options: { prefix: boolean; fuzzy: boolean } = { prefix: true, fuzzy: true }): Alternative[] {
    const found = new Map<string, Alternative>();
    const add = (term: string, termNo: number, kind: MatchKind, weight = MATCH_WEIGHTS[kind]) => {
      if (!found.has(term)) found.set(term, { termNo, term, kind, weight, from: query.term });
    };
    const exact = this.numbers.get(query.term);
    if (exact !== undefined) add(query.term, exact, MatchKind.EXACT);
    for (const synonym of synonymsOf(query.term)) {
      const no = this.numbers.get(synonym);
      if (no !== undefined) add(synonym, no, MatchKind.SYNONYM);
    }
    if (options.prefix && query.prefix) {
      const longer: [string, number][] = [];
      for (const [rest, no] of this.tree.atPrefix(query.term)) if (rest !== query.term) longer.push([rest, no]);
      longer.sort((x, y) => x[0].length - y[0].length || (x[0] < y[0] ? -1 : 1));
      for (const [term, no] of longer.slice(0, MAX_PREFIX_EXPANSIONS)) add(term, no, MatchKind.PREFIX);
    }
    if (options.fuzzy && query.maxEdits > 0) {
      const near = [...this.tree.fuzzyGet(query.term, query.maxEdits)]
        .filter(([, [, distance]]) => distance > 0)
        .sort((x, y) => x[1][1] - y[1][1] || (x[0] < y[0] ? -1 : 1));
      for (const [term, [no, distance]] of near.slice(0, MAX_FUZZY_EXPANSIONS)) {
        // Two typos count for less than one.
        add(term, no, MatchKind.FUZZY, MATCH_WEIGHTS[MatchKind.FUZZY] / distance);
      }
    }
    return [...found.values()];
  }
}
