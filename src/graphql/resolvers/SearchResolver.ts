// The search box: one query over articles and every kind of entity. The store ranks; the hits'
// records are loaded through the loaders, one batch per kind.
import { GraphQLError } from "graphql";
import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { SearchType } from "../types/kindEnums.js";
import { SearchHit } from "../types/SearchHit.js";
import type { Context } from "../context.js";
import { checkedFirst } from "./pagination.js";
import { loadEntity } from "./entityLoading.js";

/** The longest query accepted, in characters: a search box needs far less, and a cap bounds the work. */
export const MAX_QUERY_LENGTH = 500;
/** Hits when `first` is omitted: one screen of a result list. */
export const DEFAULT_SEARCH_SIZE = 10;

@Resolver(() => SearchHit)
export class SearchResolver {
  @Directive(PUBLIC)
  @Query(() => [SearchHit], {
    nullable: true,
    description:
      "Search box: articles (BM25 over headline, boosted, and body) and people, countries, agreements, tariffs and organizations (by name and alias: exact before prefix before typo; case, accents and plurals ignored; `US`, `U.S.` and `United States` alike), best first in one list. See `SearchHit.score` for the ranking. The last word may be unfinished (`Taka` finds Takaichi). Null, with a `BAD_USER_INPUT` error naming the argument, when an argument is out of range; the rest of the answer is kept.",
  })
  async search(
    @Arg("query", () => String, {
      description:
        "What the reader typed, e.g. `Takaichi`, `tariffs on automobiles` or `Japan US trade deal`. At most 500 characters; a query of stop words only finds nothing.",
    })
    query: string,
    @Arg("types", () => [SearchType], { nullable: true, description: "Only these kinds of result; omit (or pass an empty list) for all." })
    types: SearchType[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_SEARCH_SIZE,
      description:
        "How many hits to return: 10 when omitted or null, at most the server's page-size limit (100 by default). Out of range is an error, never clamped.",
    })
    first: number | null,
    @Ctx() ctx: Context,
  ) {
    const size = checkedFirst(ctx, first, DEFAULT_SEARCH_SIZE, "Refine the query to reach other hits.");
    if (query.length > MAX_QUERY_LENGTH) {
      throw new GraphQLError(`Argument "query" must be at most ${MAX_QUERY_LENGTH} characters; got ${query.length}.`, {
        extensions: { code: "BAD_USER_INPUT", argument: "query", max: MAX_QUERY_LENGTH },
      });
    }
    const hits = await ctx.store.search({ query, types, first: size });
    const records = await Promise.all(hits.map((hit) => loadEntity(ctx, hit.type, hit.id)));
    return hits.flatMap((hit, i) => (records[i] ? [{ entity: records[i], score: hit.score, highlights: hit.highlights }] : []));
  }
}
