// One result of the search box: whatever matched (an article or an entity), its score and
// the spans of it that matched. The SearchResult union names each record's type by the loader
// that loaded it (see Entity.ts).
import { createUnionType, Directive, Field, Float, ObjectType, type ClassType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { Article } from "./Article.js";
import { describeKinds, entityClasses, entityTypeName } from "./Entity.js";
import { Highlight } from "./Highlight.js";

export const SearchResult = createUnionType({
  name: "SearchResult",
  description: `Anything a search can find: an article, ${describeKinds()}.`,
  types: () => [Article, ...entityClasses()] as [ClassType, ...ClassType[]],
  resolveType: (value) => entityTypeName(value),
});

@Directive(PUBLIC)
@ObjectType("SearchHit", { simpleResolvers: true, description: "One search result, with how well it matched and where." })
export class SearchHit {
  @Field(() => SearchResult, { description: "The article or entity found." })
  entity!: typeof SearchResult;

  @Field(() => Float, {
    description:
      "Relevance; higher is better, comparable within one response. The integer part is the match band: 4 the query is the entity's name or an alias; 3 every word of the query is a word of the name (or names a country the agreement or tariff involves); 2 some words match only as the start of a word or as a synonym (`deal` for `agreement`); 1 articles (BM25 over headline and body, squashed into the fraction) and entities matched only in part or with a typo. The fraction ranks within a band: for entities, how much of the name matched and how often the entity is in the news.",
  })
  score!: number;

  @Field(() => [Highlight], { description: "Where the query matched, in order of position within each field; at most 10 per field." })
  highlights!: Highlight[];
}
