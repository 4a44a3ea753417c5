// The lists of entities on an article, one field per kind of the kinds table (`people`,
// `countries`…, named after the kind's corpus section): each kind's ids from the article's
// entities, loaded through that kind's loader, so a page of N articles costs one batch per kind.
import { Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { Article } from "../types/Article.js";
import type { Context } from "../context.js";
import type { ArticleRecord } from "../../corpus/format.js";
import { ENTITY_KINDS, KINDS, type EntityKind } from "../../corpus/kinds.js";
import { entitiesOfKind } from "../../store/articleEntities.js";
import { KIND_TYPES } from "../kinds.js";
import { entityLoader, loadPresent } from "../loaders.js";

// Private: makes the resolver class that adds one kind's list field to Article.
function mentionedResolverOf(kind: EntityKind): ClassType {
  // The method is named after its field: type-graphql pairs a field resolver with its field by
  // method name, so six classes on Article with one method name would all resolve the first kind.
  const field = KINDS[kind].section;
  @Resolver(() => Article)
  class MentionedEntitiesResolver {
    @Directive(PUBLIC)
    @FieldResolver(() => [KIND_TYPES[kind].type()], { name: field, description: KIND_TYPES[kind].mentionedDescription })
    async [field](@Root() article: ArticleRecord, @Ctx() ctx: Context) {
      const entities = await ctx.loaders.articleEntities.load(article.id);
      return loadPresent(entityLoader(ctx.loaders, kind), entities ? entitiesOfKind(entities, kind) : []);
    }
  }
  return MentionedEntitiesResolver;
}

/** The resolver of each kind's list on Article, in the kinds table's order. */
export const mentionedEntitiesResolvers = ENTITY_KINDS.map((kind) => mentionedResolverOf(kind));
