// The one ranking of a search's results, whichever store found them: entities score their name
// band plus a fraction (see NameIndex.match), articles 1 + 0.99 × their relevance, and the two
// lists merge into one, best first.
import type { EntityType } from "../../corpus/format.js";
import { ENTITY_KINDS } from "../../corpus/kinds.js";
import type { SearchHitRecord, SearchTarget } from "../Store.js";

/** Every kind of thing a search can return. */
export const SEARCH_TARGETS: readonly SearchTarget[] = ["ARTICLE", ...ENTITY_KINDS];

/** What a search asked for: whether articles, and which entity types (all when none were named). */
export interface WantedTargets {
  articles: boolean;
  entityTypes: ReadonlySet<EntityType>;
}

/** Given the types a request names (null or empty: all), returns what it wants. */
export function wantedTargets(types: readonly SearchTarget[] | null | undefined): WantedTargets {
  const wanted = new Set(types && types.length > 0 ? types : SEARCH_TARGETS);
  return { articles: wanted.has("ARTICLE"), entityTypes: new Set([...wanted].filter((t): t is EntityType => t !== "ARTICLE")) };
}

/**
 * Given an article's relevance in [0, 1), returns its hit (highlights to be filled): it scores
 * 1 + 0.99 × relevance, so an entity whose name holds every word of the query comes before any
 * article, and articles compete with partial name matches.
 */
export function articleHit(id: string, relevance: number): SearchHitRecord {
  return { type: "ARTICLE", id, score: 1 + 0.99 * relevance, highlights: [] };
}

/** Given entity hits and article hits, each best first, returns the best `first` of both, best first. */
export function mergeHits(
  entityHits: readonly SearchHitRecord[],
  articleHits: readonly SearchHitRecord[],
  first: number,
): SearchHitRecord[] {
  // A stable sort with entities first: on equal scores a name is a more specific answer than a text.
  return [...entityHits, ...articleHits].sort((x, y) => y.score - x.score).slice(0, first);
}
