// Article queries and the article's relations. Each relation asks the request's loaders,
// so a list of N articles costs one entity lookup per relation, not N.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Article } from "../schema/Article.js";
import { ArticleConnection, type ConnectionValue } from "../schema/connections.js";
import { ArticleFilter } from "../schema/ArticleFilter.js";
import { EntityType } from "../schema/enums.js";
import { Person } from "../schema/Person.js";
import { Country } from "../schema/Country.js";
import { Agreement } from "../schema/Agreement.js";
import { Tariff } from "../schema/Tariff.js";
import { Mention } from "../schema/Mention.js";
import type { Context } from "../src/context.js";
import type { ArticleRecord, MentionRecord } from "../src/corpus/format.js";
import { loadPresent } from "../src/loaders.js";
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, pageRequest, toConnection } from "./pagination.js";

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: "One article by id; null when no article has that id." })
  article(@Arg("id", () => ID, { description: "The article's id." }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.article.load(id);
  }

  @Query(() => ArticleConnection, { description: "Articles, newest first, optionally filtered; paginated Relay style." })
  async articles(
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Narrows the list; omit for every article." }) filter: ArticleFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: FIRST_DESCRIPTION }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<ArticleRecord>> {
    const request = pageRequest(ctx, first, after, "a");
    const page = await ctx.store.listArticles(
      {
        personId: filter?.personId,
        countryCode: filter?.countryCode?.toUpperCase(),
        agreementId: filter?.agreementId,
        tariffId: filter?.tariffId,
        publishedAfter: filter?.publishedAfter?.toISOString(),
        publishedBefore: filter?.publishedBefore?.toISOString(),
      },
      request,
    );
    return toConnection(page, await ctx.loaders.article.loadMany(page.ids));
  }

  @FieldResolver(() => [Person], { description: "People the article mentions, in order of first mention." })
  async people(@Root() article: ArticleRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.person, (await ctx.loaders.articleEntities.load(article.id))?.people ?? []);
  }

  @FieldResolver(() => [Country], { description: "Countries the article mentions as states, in order of first mention." })
  async countries(@Root() article: ArticleRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.country, (await ctx.loaders.articleEntities.load(article.id))?.countries ?? []);
  }

  @FieldResolver(() => [Agreement], { description: "Agreements the article mentions, in order of first mention." })
  async agreements(@Root() article: ArticleRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.agreement, (await ctx.loaders.articleEntities.load(article.id))?.agreements ?? []);
  }

  @FieldResolver(() => [Tariff], { description: "Tariffs the article mentions, in order of first mention." })
  async tariffs(@Root() article: ArticleRecord, @Ctx() ctx: Context) {
    return loadPresent(ctx.loaders.tariff, (await ctx.loaders.articleEntities.load(article.id))?.tariffs ?? []);
  }

  @FieldResolver(() => [Mention], { description: "Every mention of an entity in the body, in order of position; mentions may nest (`U.S.` inside a tariff's mention)." })
  async mentions(
    @Root() article: ArticleRecord,
    @Arg("type", () => EntityType, { nullable: true, description: "Only mentions of this kind of entity; omit for all." }) type: EntityType | null,
    @Ctx() ctx: Context,
  ): Promise<MentionRecord[]> {
    const mentions = (await ctx.loaders.articleEntities.load(article.id))?.mentions ?? [];
    return type == null ? mentions : mentions.filter((m) => m.entityType === type);
  }
}
