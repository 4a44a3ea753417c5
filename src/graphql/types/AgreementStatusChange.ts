// A value type: one step of an agreement's status, as one sentence of one article states it.
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { AgreementStatus } from "./enums.js";
import { Evidence } from "./Evidence.js";

@Directive(PUBLIC)
@ObjectType("AgreementStatusChange", {
  simpleResolvers: true,
  description: "One statement of where an agreement stands: its status, from when, and the sentence that says so.",
})
export class AgreementStatusChange {
  @Field(() => AgreementStatus, { description: "The status the source gives." })
  status!: AgreementStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "When the step took or takes effect: ISO 8601, possibly partial; null when the source gives no date (its publication date then places it).",
  })
  effective?: string | null;

  @Field(() => Evidence, { description: "The sentence that states it." })
  evidence!: Evidence;
}
