// The input that names one entity of any type, for queries that start from an entity.
import { Field, ID, InputType } from "type-graphql";
import { EntityType } from "./kindEnums.js";

@InputType("EntityRef", { description: "Names one entity: its type and id. A country's id is its ISO alpha-2 code, in any case." })
export class EntityRef {
  @Field(() => EntityType, { description: "What kind of entity it is." })
  type!: EntityType;

  @Field(() => ID, { description: "The entity's id (`sanae-takaichi`), or for a country its code (`JP`)." })
  id!: string;
}
