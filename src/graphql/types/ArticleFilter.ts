// The input that narrows the article list; all given filters must hold. Its entity filters, one
// per kind (`personId`, `countryCode`…), are declared from the kinds tables below the class.
import { Directive, Field, InputType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { DateTimeResolver } from "graphql-scalars";
import { ENTITY_KINDS, KINDS, storeKey } from "../../corpus/kinds.js";
import type { EntityFilters } from "../../store/Store.js";
import { KIND_TYPES } from "../kinds.js";

// Private: the entity filters, one field per kind, declared from the kinds tables with the same
// decorator a hand-written field would have. A base class, so they come first in the input.
@InputType()
class EntityFilterFields {}
for (const kind of ENTITY_KINDS) {
  const { filterType, filterDescription } = KIND_TYPES[kind];
  Field(() => filterType, { nullable: true, description: filterDescription })(EntityFilterFields.prototype, KINDS[kind].filterField);
}

/** The entity filters, typed by merging with the class. */
export interface ArticleFilter extends EntityFilters {}

@Directive(PUBLIC)
@InputType("ArticleFilter", { description: "Narrows the article list. Every filter given must hold; omitted filters match everything." })
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above types the filter fields the base class adds
export class ArticleFilter extends EntityFilterFields {
  @Field(() => DateTimeResolver, { nullable: true, description: "Only articles published at or after this instant." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only articles published at or before this instant." })
  publishedBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only articles whose headline or body holds every word of this text (case, accents and plurals ignored; `deal` finds `agreement`). A phrase that names an entity (`U.S.`, `United States`, `Takaichi`) stands for that entity: it matches the articles that mention it, however they spell it. Stop words (`the`, `on`) are ignored; text of stop words only matches every article. Combines with the other filters; the list stays newest first (use `search` for relevance order).",
  })
  text?: string | null;
}

/** Given the filter argument, returns its entity filters as the store takes them (a country code upper-cased). */
export function entityFilters(filter: EntityFilters | null | undefined): EntityFilters {
  const filters: Record<string, string | null | undefined> = {};
  for (const kind of ENTITY_KINDS) {
    const key = filter?.[KINDS[kind].filterField];
    filters[KINDS[kind].filterField] = key == null ? key : storeKey(kind, key);
  }
  return filters as EntityFilters;
}
