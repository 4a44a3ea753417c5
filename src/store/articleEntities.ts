// What an article mentions, derived from its mention spans: one rule shared by every store, so
// the memory and PostgreSQL stores list an article's entities in exactly the same order.
import type { EntityType, MentionRecord } from "../corpus/format.js";
import type { ArticleEntities } from "./Store.js";

/**
 * Given an article's mentions in corpus order, returns them sorted by position (start, then end;
 * ties keep corpus order) and each kind of entity listed once, in order of first mention.
 */
export function articleEntities(mentions: readonly MentionRecord[]): ArticleEntities {
  const sorted = [...mentions].sort((x, y) => x.start - y.start || x.end - y.end);
  const lists: Record<EntityType, string[]> = { PERSON: [], COUNTRY: [], AGREEMENT: [], TARIFF: [] };
  for (const m of sorted) {
    const list = lists[m.entityType];
    if (!list.includes(m.entityId)) list.push(m.entityId);
  }
  return { people: lists.PERSON, countries: lists.COUNTRY, agreements: lists.AGREEMENT, tariffs: lists.TARIFF, mentions: sorted };
}
