// What an article mentions, derived from its mention spans: one rule shared by every store, so
// the memory and PostgreSQL stores list an article's entities in exactly the same order.
import type { MentionRecord } from "../corpus/format.js";
import { ENTITY_KINDS, KINDS, type EntityKind } from "../corpus/kinds.js";
import type { ArticleEntities, EntityFilters } from "./Store.js";

/**
 * Given an article's mentions in corpus order, returns them sorted by position (start, then end;
 * ties keep corpus order) and each kind of entity listed once, in order of first mention.
 */
export function articleEntities(mentions: readonly MentionRecord[]): ArticleEntities {
  const sorted = [...mentions].sort((x, y) => x.start - y.start || x.end - y.end);
  const lists = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, [] as string[]])) as Record<EntityKind, string[]>;
  for (const m of sorted) {
    const list = lists[m.entityType];
    if (!list.includes(m.entityId)) list.push(m.entityId);
  }
  const entities = { mentions: sorted } as ArticleEntities;
  for (const kind of ENTITY_KINDS) entities[KINDS[kind].section] = lists[kind];
  return entities;
}

/** Given an article's entities and a kind, returns the ids of that kind it mentions. */
export function entitiesOfKind(entities: ArticleEntities, kind: EntityKind): string[] {
  return entities[KINDS[kind].section];
}

/** Given an article filter, returns the entities it names, as [kind, key] pairs in the kinds table's order. */
export function entityConstraints(filter: EntityFilters): [EntityKind, string][] {
  const constraints: [EntityKind, string][] = [];
  for (const kind of ENTITY_KINDS) {
    const key = filter[KINDS[kind].filterField];
    if (key != null) constraints.push([kind, key]);
  }
  return constraints;
}
