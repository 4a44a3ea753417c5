// What the co-mention and timeline computations read: the memory store's own mention indexes,
// so neither keeps a second copy of who is mentioned where.
import type { ArticleEntities } from "./Store.js";

/** Read access to a store's mention indexes. */
export interface MentionSource {
  /** Ids of the articles mentioning the entity with key `TYPE:id`, newest first; empty when none. */
  articlesMentioning(key: string): readonly string[];
  /** The entities an article mentions; the article must exist. */
  entitiesOf(articleId: string): ArticleEntities;
  /** When the article was published, in ms since the epoch; null when undated. */
  publishedMs(articleId: string): number | null;
}
