// The "related" panel of an entity page: entities mentioned in the same articles, by the
// store's normalised co-mention score, loaded one batch per kind.
import { Arg, Ctx, Directive, Int, Query, Resolver } from "type-graphql";
import { PUBLIC } from "../types/contract.js";
import { EntityRef } from "../types/EntityRef.js";
import { EntityType } from "../types/kindEnums.js";
import { RelatedEntity } from "../types/RelatedEntity.js";
import type { Context } from "../context.js";
import { checkedFirst } from "./pagination.js";
import { loadEntity } from "./entityLoading.js";
import { storeKey } from "../../corpus/kinds.js";

/** Related entities when `first` is omitted: one panel. */
export const DEFAULT_RELATED_SIZE = 10;

@Resolver(() => RelatedEntity)
export class RelatedResolver {
  @Directive(PUBLIC)
  @Query(() => [RelatedEntity], {
    nullable: true,
    description:
      "Entities mentioned in the same articles as the given one, strongest first by `RelatedEntity.score` (co-mentions normalised so that entities mentioned everywhere do not dominate). Empty when no article mentions the entity or it does not exist. Null, with a `BAD_USER_INPUT` error naming the argument, when an argument is out of range; the rest of the answer is kept.",
  })
  async related(
    @Arg("entity", () => EntityRef, {
      description: 'The entity to start from, e.g. `{ type: PERSON, id: "sanae-takaichi" }` or `{ type: COUNTRY, id: "JP" }`.',
    })
    entity: EntityRef,
    @Arg("types", () => [EntityType], {
      nullable: true,
      description: "Only related entities of these kinds; omit (or pass an empty list) for all.",
    })
    types: EntityType[] | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_RELATED_SIZE,
      description:
        "How many to return: 10 when omitted or null, at most the server's page-size limit (100 by default). Out of range is an error, never clamped.",
    })
    first: number | null,
    @Ctx() ctx: Context,
  ) {
    const size = checkedFirst(ctx, first, DEFAULT_RELATED_SIZE, "Ask for fewer related entities.");
    const id = storeKey(entity.type, entity.id);
    const related = await ctx.loaders.related.load({ type: entity.type, id, types, first: size });
    const records = await Promise.all(related.map((r) => loadEntity(ctx, r.type, r.id)));
    return related.flatMap((r, i) => (records[i] ? [{ entity: records[i], articleCount: r.articleCount, score: r.score }] : []));
  }
}
