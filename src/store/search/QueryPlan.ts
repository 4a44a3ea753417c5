// A search query worked out once: its terms, how loosely each may match, and which of its
// phrases name an entity ("U.S.", "United States" and "America" all name the United States),
// so that articles and names are matched on what the reader meant, not only on the letters.
import { termsOf } from "../../text/analyze.js";
import { synonymsOf } from "../../text/synonyms.js";

/** One term of a query and how loosely it may match. */
export interface QueryTerm {
  term: string;
  synonyms: readonly string[];
  /** True for the last term of a query still being typed: it may be the start of a longer word. */
  prefix: boolean;
  /** Typos allowed: none for short words, one from 4 letters, two from 8. */
  maxEdits: number;
}

/** Consecutive query terms matched as one: a phrase that names entities, or a single term. */
export interface QueryGroup {
  /** Indexes into {@link QueryPlan.terms}, in order. */
  terms: number[];
  /** Keys (`COUNTRY:US`, see {@link conceptKey}) of the entities the phrase names; empty for a plain word. */
  concepts: string[];
}

/** A query's terms, and the groups that cover each term exactly once. */
export interface QueryPlan {
  terms: QueryTerm[];
  groups: QueryGroup[];
}

/** Queries longer than this many terms are cut: more words would add cost, not precision. */
export const MAX_QUERY_TERMS = 16;

/** Given an entity type and id, returns the key the search indexes use for it. */
export function conceptKey(type: string, id: string): string {
  return `${type}:${id}`;
}

/** Every name and alias of every entity, as term sequences, so a query's phrases can be recognised. */
export class PhraseDictionary {
  private readonly phrases = new Map<string, string[]>();
  private longest = 0;

  /** Records that a name (already split into terms) stands for the entity with this concept key. */
  add(terms: readonly string[], concept: string): void {
    if (terms.length === 0) return;
    const key = terms.join(" ");
    const concepts = this.phrases.get(key);
    if (!concepts) this.phrases.set(key, [concept]);
    else if (!concepts.includes(concept)) concepts.push(concept);
    this.longest = Math.max(this.longest, terms.length);
  }

  /** Given terms and a start, returns the longest known phrase there: its length and concepts, or null. */
  longestAt(terms: readonly string[], start: number): { length: number; concepts: string[] } | null {
    for (let length = Math.min(this.longest, terms.length - start); length >= 1; length--) {
      const concepts = this.phrases.get(terms.slice(start, start + length).join(" "));
      if (concepts) return { length, concepts };
    }
    return null;
  }
}

/**
 * Given the text a reader typed and the phrase dictionary, returns the plan: terms (stop words
 * dropped, at most {@link MAX_QUERY_TERMS}) grouped into recognised phrases, longest first,
 * left to right. The last term may be a prefix unless the text ends in a space or punctuation.
 */
export function planQuery(text: string, phrases: PhraseDictionary): QueryPlan {
  const words = termsOf(text).slice(0, MAX_QUERY_TERMS);
  const stillTyping = /[\p{L}\p{M}\p{N}]$/u.test(text);
  const terms: QueryTerm[] = words.map((term, i) => ({
    term,
    synonyms: synonymsOf(term),
    prefix: stillTyping && i === words.length - 1,
    maxEdits: term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0,
  }));
  const groups: QueryGroup[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = phrases.longestAt(words, i);
    const length = phrase?.length ?? 1;
    groups.push({ terms: Array.from({ length }, (_, k) => i + k), concepts: phrase?.concepts ?? [] });
    i += length;
  }
  return { terms, groups };
}
