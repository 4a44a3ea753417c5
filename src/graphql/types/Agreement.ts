// The Agreement entity: a deal or alliance between countries, with the commitments it holds.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { AgreementKind } from "./enums.js";
import { Commitment } from "./Commitment.js";

@Directive(`@key(fields: "id")`)
@Directive(PUBLIC)
@ObjectType("Agreement", {
  simpleResolvers: true,
  description: "An agreement between countries, such as a trade deal or a security alliance.",
})
export class Agreement {
  @Field(() => ID, { description: "Stable id, e.g. `japan-us-trade-agreement-2025`." })
  id!: string;

  @Field(() => String, { description: "A name for the agreement, e.g. `Japan–U.S. trade agreement`." })
  name!: string;

  @Field(() => AgreementKind, { description: "What the agreement is mainly about." })
  kind!: AgreementKind;

  @Field(() => String, {
    nullable: true,
    description: "When it was concluded: an ISO 8601 date, possibly partial (`2025-07`); null when the sources do not say.",
  })
  concluded?: string | null;

  @Field(() => String, { nullable: true, description: "A one-sentence summary; null when none was written." })
  summary?: string | null;

  @Field(() => [Commitment], { description: "What each party committed to under the agreement. Empty when the sources state none." })
  commitments!: Commitment[];
}
