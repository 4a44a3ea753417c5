// The enums that list the kinds of entity, made from the kinds tables (src/corpus/kinds.ts for
// the values, src/graphql/kinds.ts for their descriptions): EntityType, and SearchType (the
// kinds plus articles). Apart from enums.ts because the kinds table imports the object types,
// and those import enums.ts.
import { registerEnumType } from "type-graphql";
import { ENTITY_KINDS, type EntityKind } from "../../corpus/kinds.js";
import type { SearchTarget } from "../../store/Store.js";
import { KIND_TYPES } from "../kinds.js";

/** The kinds of entity an article can mention: the kinds table's. Values match the corpus's `entityType`. */
export const EntityType = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, kind])) as { readonly [K in EntityKind]: K };
export type EntityType = EntityKind;

registerEnumType(EntityType, {
  name: "EntityType",
  description: "The kinds of entity an article can mention.",
  valuesConfig: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { description: KIND_TYPES[kind].description }])),
});

/** What a search can return: an article or a kind of entity. */
export const SearchType = { ARTICLE: "ARTICLE", ...EntityType } as { readonly [T in SearchTarget]: T };
export type SearchType = SearchTarget;

registerEnumType(SearchType, {
  name: "SearchType",
  description: "The kinds of result a search can return.",
  valuesConfig: {
    ARTICLE: { description: "Articles, ranked by BM25 over headline (boosted) and body." },
    ...Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { description: KIND_TYPES[kind].searchDescription }])),
  },
});
