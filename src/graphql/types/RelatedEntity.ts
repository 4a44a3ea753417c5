// An entity mentioned in the same articles as another, for an entity page's "related" panel.
import { Directive, Field, Float, Int, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { Entity } from "./Entity.js";

@Directive(PUBLIC)
@ObjectType("RelatedEntity", { simpleResolvers: true, description: "An entity mentioned in the same articles as the one asked about." })
export class RelatedEntity {
  @Field(() => Entity, { description: "The related person, country, agreement, tariff or organization." })
  entity!: typeof Entity;

  @Field(() => Int, { description: "How many articles mention both entities." })
  articleCount!: number;

  @Field(() => Float, {
    description:
      "How strongly the two go together, from 0 to 1: articleCount / √(articles mentioning the entity asked about × articles mentioning this one), the cosine (Ochiai) coefficient. 1 when every article mentioning one mentions the other; an entity mentioned in most articles scores low, so it does not crowd out the specific ones.",
  })
  score!: number;
}
