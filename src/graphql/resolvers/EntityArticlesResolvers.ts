// `articles` on every kind of entity: the articles that mention it, newest first, paginated Relay
// style. One factory makes the field for each kind of the kinds table, so all page the same way
// with the same arguments; the store does the listing (see articlesOfEntity).
import { Arg, Ctx, FieldResolver, Int, Resolver, Root, type ClassType } from "type-graphql";
import { ArticleConnection } from "../types/connections.js";
import type { Context } from "../context.js";
import { ENTITY_KINDS, kindSpec, type EntityKind, type EntityRecordOf } from "../../corpus/kinds.js";
import { KIND_TYPES } from "../kinds.js";
import { AFTER_DESCRIPTION, DEFAULT_PAGE_SIZE, FIRST_DESCRIPTION, articlesOfEntity } from "./pagination.js";

// Private: makes the resolver class that adds `articles` to one kind's type.
function articlesResolverOf<K extends EntityKind>(kind: K): ClassType {
  const key = (record: EntityRecordOf[K]) => kindSpec(kind).key(record);
  @Resolver(KIND_TYPES[kind].type)
  class EntityArticlesResolver {
    @FieldResolver(() => ArticleConnection, {
      nullable: true,
      description: `${KIND_TYPES[kind].articlesDescription} Null, with a \`BAD_USER_INPUT\` error naming the argument, when an argument is out of range; the rest of the answer is kept.`,
    })
    articles(
      @Root() record: EntityRecordOf[K],
      @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: FIRST_DESCRIPTION }) first: number | null,
      @Arg("after", () => String, { nullable: true, description: AFTER_DESCRIPTION }) after: string | null,
      @Ctx() ctx: Context,
    ) {
      return articlesOfEntity(ctx, kind, key(record), first, after);
    }
  }
  return EntityArticlesResolver;
}

/** The `articles` resolver of every kind, in the kinds table's order. */
export const entityArticlesResolvers = ENTITY_KINDS.map((kind) => articlesResolverOf(kind));
