// Article full text in PostgreSQL, for `search` and `articles(filter: { text })`: a query plan
// (src/store/search/QueryPlan.ts, the same as the memory store's) turned into tsquery over the
// tsvectors the importer wrote (searchVector.ts). Words reach their synonyms, the unfinished
// last word its completions and a misspelt word its near spellings through the `search_terms`
// vocabulary, with the memory store's rules and weights (Vocabulary.expand).
//
// Ranking differs from the memory store's BM25F in its numbers, not its shape: each word scores
// its best alternative, a word's score grows with its occurrences but saturates, a headline
// occurrence counts three times a body one, and a phrase naming an entity scores the larger of
// its words and the entity's mentions. Only candidates are ranked: the newest CANDIDATES
// articles holding every word of the query, and the newest CANDIDATES holding any, so a common
// word in a huge archive costs a bounded amount, and articles holding every word are never
// crowded out by partial matches.
import type { QueryPlan } from "../search/QueryPlan.js";
import { Vocabulary, type Alternative } from "../search/Vocabulary.js";
import type { DatabasePools } from "./DatabasePools.js";
import { quoteLexeme } from "./searchVector.js";

/** Articles ranked per half of the candidate set (every word / any word), newest first; more when more hits are asked for. */
export const CANDIDATES = 500;

/** Completions fetched for an unfinished word: Vocabulary.expand keeps the 40 shortest besides the word itself. */
const MAX_COMPLETIONS = 40;

/** ts_rank's weights, {D, C, B, A}: body words are D, headline words A, three times as strong. */
const RANK_WEIGHTS = "'{0.3333333, 0.3333333, 0.3333333, 1}'::float4[]";

/** A query plan resolved against the database's vocabulary. */
export interface ResolvedQuery {
  groups: {
    /** Per word of the group: the index terms it reaches, with how and at what weight. */
    terms: Alternative[][];
    /** Keys of the entities the group names that some article mentions. */
    concepts: string[];
  }[];
}

/** One article a search found: its id and relevance in [0, 1). */
export interface ArticleMatch {
  id: string;
  relevance: number;
}

/** Full-text search over the articles of one PostgreSQL store. */
export class ArticleSearch {
  constructor(private readonly db: DatabasePools) {}

  /**
   * Given a plan and the entities some article mentions, returns each word's alternatives found
   * in the vocabulary: itself, synonyms, completions of an unfinished last word and, for a word
   * no article holds, near spellings. One statement for the whole query.
   */
  async resolve(plan: QueryPlan, mentioned: ReadonlySet<string>): Promise<ResolvedQuery> {
    const exact = [...new Set(plan.terms.flatMap((t) => [t.term, ...t.synonyms]))];
    const prefix = plan.terms.find((t) => t.prefix)?.term ?? null;
    const fuzzy = plan.terms.filter((t) => t.maxEdits > 0).map((t) => t.term);
    const { rows } = await this.db.read<{ term: string }>(
      `SELECT term FROM search_terms WHERE term = ANY($1::text[])
       UNION
       (SELECT term FROM search_terms WHERE $2::text IS NOT NULL AND term LIKE $2 || '%'
         ORDER BY length(term), term LIMIT $4)
       UNION
       SELECT s.term FROM unnest($3::text[]) AS f(term)
        CROSS JOIN LATERAL (SELECT term FROM search_terms WHERE term % f.term) s`,
      [exact, prefix, fuzzy, MAX_COMPLETIONS + 1],
    );
    // The vocabulary near this query: expanding against it applies the memory store's rules.
    const near = new Vocabulary();
    for (const r of rows) near.add(r.term);
    return {
      groups: plan.groups.map((group) => ({
        terms: group.terms.map((i) => {
          const term = plan.terms[i]!;
          return near.expand(term, { prefix: true, fuzzy: near.numberOf(term.term) === undefined });
        }),
        concepts: group.concepts.filter((key) => mentioned.has(key)),
      })),
    };
  }

  /** Given a resolved query and a limit, returns the best-ranked articles, best first (ties: newer first). */
  async search(query: ResolvedQuery, limit: number): Promise<ArticleMatch[]> {
    const any = anyOf(query.groups.flatMap((g) => [...g.terms.flat().map((a) => a.term), ...g.concepts]));
    if (any === null) return [];
    // Every word the vocabulary knows; a word it does not know can match nothing, so is left out.
    const every = allOf(
      query.groups
        .map((g) =>
          anyOfQueries([allOf(g.terms.map((alts) => anyOf(alts.map((a) => a.term))).filter((q) => q !== null)), anyOf(g.concepts)]),
        )
        .filter((q) => q !== null),
    );
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    // Items of an OR query share its rank (ts_rank divides by their number): × n sums them.
    const rankOf = (lexemes: readonly string[]) =>
      `${lexemes.length} * ts_rank(${RANK_WEIGHTS}, r.v, ${param(anyOf(lexemes))}::tsquery, 0)`;
    const groupScores = query.groups.map((group) => {
      const words = group.terms
        .filter((alts) => alts.length > 0)
        .map((alts) => {
          // A word scores its best kind of match; each kind at its weight.
          const byWeight = new Map<number, string[]>();
          for (const alt of alts) byWeight.set(alt.weight, [...(byWeight.get(alt.weight) ?? []), alt.term]);
          return `GREATEST(${[...byWeight].map(([weight, terms]) => `${weight} * ${rankOf(terms)}`).join(", ")})`;
        });
      const text = words.length > 0 ? words.join(" + ") : "0";
      return group.concepts.length > 0 ? `GREATEST(${text}, ${rankOf(group.concepts)})` : `(${text})`;
    });
    // Never fewer candidates than hits asked for.
    const take = Math.max(CANDIDATES, limit);
    const candidates = `(SELECT id FROM articles WHERE search_vector @@ ${param(any)}::tsquery ORDER BY newest_first, id LIMIT ${take})`;
    // One word alone: "every word" is "any word", and one scan does.
    const oneWord = query.groups.length === 1 && query.groups[0]!.terms.length <= 1;
    const complete =
      every !== null && !oneWord
        ? `UNION (SELECT id FROM articles WHERE search_vector @@ ${param(every)}::tsquery ORDER BY newest_first, id LIMIT ${take})`
        : "";
    // Each candidate's vector is read out of TOAST once (`|| ''` makes an in-memory copy, OFFSET 0
    // keeps the planner from inlining it into every ts_rank): ten times faster with several ranks.
    const { rows } = await this.db.read<{ id: string; score: number }>(
      `SELECT r.id, (${groupScores.join(" + ")})::float8 AS score
         FROM (SELECT a.id, a.newest_first, a.search_vector || ''::tsvector AS v
                 FROM (${candidates} ${complete}) c JOIN articles a ON a.id = c.id OFFSET 0) r
        ORDER BY score DESC, r.newest_first, r.id
        LIMIT ${param(limit)}`,
      params,
    );
    // An item's rank approaches 1 (every occurrence counted, the first at full weight), so a
    // group's best is about 1: half of that is where relevance reaches 0.5.
    const half = query.groups.length / 2 || 1;
    return rows.filter((r) => r.score > 0).map((r) => ({ id: r.id, relevance: r.score / (r.score + half) }));
  }
}

/**
 * Given a plan (resolved without the vocabulary: a filter matches words as written, singular or
 * plural, or a synonym, never a completion or a typo) and the entities some article mentions,
 * returns the tsquery an article must satisfy: every group, a group naming mentioned entities
 * by a mention of one of them, any other by every word. Null when the plan has no words.
 */
export function filterQuery(plan: QueryPlan, mentioned: ReadonlySet<string>): string | null {
  if (plan.groups.length === 0) return null;
  const groups = plan.groups.map((group) => {
    const concepts = group.concepts.filter((key) => mentioned.has(key));
    if (concepts.length > 0) return anyOf(concepts)!;
    return allOf(group.terms.map((i) => anyOf([plan.terms[i]!.term, ...plan.terms[i]!.synonyms])))!;
  });
  return allOf(groups);
}

// Private: a tsquery matching any of the lexemes (taken as is), or null for none.
function anyOf(lexemes: readonly string[]): string | null {
  return anyOfQueries([...new Set(lexemes)].map(quoteLexeme));
}

// Private: a tsquery matching any of the sub-queries (nulls skipped), or null for none.
function anyOfQueries(queries: readonly (string | null)[]): string | null {
  const present = queries.filter((q): q is string => q !== null);
  return present.length === 0 ? null : present.length === 1 ? present[0]! : `(${present.join(" | ")})`;
}

// Private: a tsquery matching all of the sub-queries, or null when one can match nothing (null).
function allOf(queries: readonly (string | null)[]): string | null {
  if (queries.length === 0 || queries.some((q) => q === null)) return null;
  return queries.length === 1 ? queries[0]! : `(${queries.join(" & ")})`;
}
