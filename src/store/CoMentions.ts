// Which entities go together in the news: for an entity, the others mentioned in the same
// articles, ranked by co-mention counts normalised so an entity mentioned everywhere (the
// United States in a trade corpus) does not top every list.
import type { EntityType } from "../corpus/format.js";
import { ENTITY_KINDS } from "../corpus/kinds.js";
import { entitiesOfKind } from "./articleEntities.js";
import type { MentionSource } from "./MentionSource.js";
import { RecentlyUsed } from "./RecentlyUsed.js";
import type { RelatedKey, RelatedRecord } from "./Store.js";

/**
 * How strongly two entities go together, given the articles mentioning both and each alone:
 * `both / √(a × b)`, the cosine (Ochiai) coefficient. 1 when every article mentioning one
 * mentions the other; for an entity in every article it falls to √(a / total), so ubiquity alone
 * never ranks high.
 */
export function coMentionScore(both: number, a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : both / Math.sqrt(a * b);
}

// Ranked lists are kept for the entities asked about most recently: a busy entity page asks
// again and again, and an entity mentioned in half the corpus costs a pass over half the corpus.
const CACHED_ENTITIES = 512;

/** Co-mention rankings over a store's mention indexes, computed per entity on demand. */
export class CoMentions {
  private readonly ranked = new RecentlyUsed<RelatedRecord[]>(CACHED_ENTITIES);

  constructor(private readonly source: MentionSource) {}

  /**
   * Given a key, returns the entities mentioned in the same articles, by {@link coMentionScore}
   * (ties: more shared articles, then type and id), of the wanted types, at most `first`;
   * empty for an entity no article mentions.
   */
  related(key: RelatedKey): RelatedRecord[] {
    const all = this.ranked.get(`${key.type}:${key.id}`, () => this.rank(key.type, key.id));
    const types = key.types && key.types.length > 0 ? new Set(key.types) : null;
    const result: RelatedRecord[] = [];
    for (const r of all) {
      if (result.length === key.first) break;
      if (!types || types.has(r.type)) result.push(r);
    }
    return result;
  }

  // Private: every entity sharing an article with the given one, ranked.
  private rank(type: EntityType, id: string): RelatedRecord[] {
    const own = this.source.articlesMentioning(`${type}:${id}`);
    const counts = new Map<string, number>();
    for (const articleId of own) {
      const entities = this.source.entitiesOf(articleId);
      for (const t of ENTITY_KINDS) {
        for (const other of entitiesOfKind(entities, t))
          if (t !== type || other !== id) counts.set(`${t}:${other}`, (counts.get(`${t}:${other}`) ?? 0) + 1);
      }
    }
    const records: RelatedRecord[] = [];
    for (const [key, both] of counts) {
      const colon = key.indexOf(":");
      const score = coMentionScore(both, own.length, this.source.articlesMentioning(key).length);
      records.push({ type: key.slice(0, colon) as EntityType, id: key.slice(colon + 1), articleCount: both, score });
    }
    return records.sort(
      (x, y) =>
        y.score - x.score ||
        y.articleCount - x.articleCount ||
        (x.type < y.type ? -1 : x.type > y.type ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
  }
}
