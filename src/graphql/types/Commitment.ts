// A value type: one party's commitment under an agreement. Its party is resolved in CommitmentResolver.
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { Money } from "./Money.js";

@Directive(PUBLIC)
@ObjectType("Commitment", { simpleResolvers: true, description: "What one party committed to under an agreement." })
export class Commitment {
  @Field(() => String, { description: "The commitment in words, e.g. `Invest $550 billion in key U.S. industries`." })
  description!: string;

  @Field(() => Money, { nullable: true, description: "The sum committed; null when the commitment names no amount." })
  amount?: Money | null;

  @Field(() => [String], { description: "Economic sectors the commitment covers, e.g. `semiconductors`. Empty when none is named." })
  sectors!: string[];
}
