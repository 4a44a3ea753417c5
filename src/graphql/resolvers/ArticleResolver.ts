// Article queries and the article's relations. Each relation asks the request's loaders,
// so a list of N articles costs one entity lookup per relation, not N. The lists of entities
// an article mentions, one per kind, are made in MentionedEntitiesResolvers.ts.
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Article } from "../types/Article.js";
import { UnresolvedReference } from "../types/UnresolvedReference.js";
import { ArticleConnection, type ConnectionValue } from "../types/connections.js";
import { ArticleFilter, entityFilters } from "../types/ArticleFilter.js";
import { EntityType } from "../types/kindEnums.js";
import { Mention } from "../types/Mention.js";
import type { Context } from "../context.js";
import type { ArticleRecord, MentionRecord } from "../../corpus/format.js";
import { countWords } from "../../text/words.js";
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, pageRequest, toConnection } from "./pagination.js";

@Resolver(() => Article)
export class ArticleResolver {
  @Directive(PUBLIC)
  @Query(() => Article, { nullable: true, description: "One article by id; null when no article has that id." })
  article(@Arg("id", () => ID, { description: "The article's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.article.load(id);
  }

  @Directive(PUBLIC)
  @Query(() => ArticleConnection, {
    nullable: true,
    description:
      "Articles, newest first, optionally filtered; paginated Relay style. Null, with a `BAD_USER_INPUT` error naming the argument, when an argument is out of range; the rest of the answer is kept.",
  })
  async articles(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Narrows the list; omit for every article." })
    filter: ArticleFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<ArticleRecord>> {
    const request = pageRequest(ctx, first, after, "a");
    const page = await ctx.store.listArticles(
      {
        ...entityFilters(filter),
        publishedAfter: filter?.publishedAfter?.toISOString(),
        publishedBefore: filter?.publishedBefore?.toISOString(),
        text: filter?.text,
      },
      request,
    );
    return toConnection(page, await ctx.loaders.article.loadMany(page.ids));
  }

  @Directive(PUBLIC)
  @FieldResolver(() => [UnresolvedReference], {
    description:
      "What ingestion found in the article but could not tie to an entity, in text order; empty when nothing was left over (or the corpus records none).",
  })
  unresolved(@Root() article: ArticleRecord) {
    return article.unresolved ?? [];
  }

  @Directive(PUBLIC)
  @FieldResolver(() => [Mention], {
    description: "Every mention of an entity in the body, in order of position; mentions may nest (`U.S.` inside a tariff's mention).",
  })
  async mentions(
    @Root() article: ArticleRecord,
    @Arg("type", () => EntityType, { nullable: true, description: "Only mentions of this kind of entity; omit for all." })
    type: EntityType | null,
    @Ctx() ctx: Context,
  ): Promise<MentionRecord[]> {
    const mentions = (await ctx.loaders.articleEntities.load(article.id))?.mentions ?? [];
    return type == null ? mentions : mentions.filter((m) => m.entityType === type);
  }

  // Only the gateway may read it: the reader subgraph's `readingTimeMinutes` @requires it.
  // Clients get reading time from there and never see the count, which is no public promise.
  @Directive("@inaccessible")
  @FieldResolver(() => Int, {
    description: "How many words the body holds; for other subgraphs' estimates (reading time), never shown to clients.",
  })
  wordCount(@Root() article: ArticleRecord): number {
    return countWords(article.body);
  }
}
