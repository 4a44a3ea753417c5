// The Tariff entity: a duty one country imposes on a product from another.
import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(`@key(fields: "id")`)
@Directive(PUBLIC)
@ObjectType("Tariff", { simpleResolvers: true, description: "A tariff one country imposes on a product from another." })
export class Tariff {
  @Field(() => ID, { description: "Stable id, e.g. `us-tariff-japan-automobiles`." })
  id!: string;

  @Field(() => String, { description: "What the tariff applies to, e.g. `automobiles`, or `goods` for all goods." })
  product!: string;

  @Field(() => Float, { nullable: true, description: "The rate in percent (15 means 15%); null when the sources state no rate." })
  ratePercent?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The rate before the latest change, in percent; null when there was none or it is unknown.",
  })
  previousRatePercent?: number | null;
}
