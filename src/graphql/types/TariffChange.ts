// A value type: one observation of a tariff's rate, as one sentence of one article states it.
// Its evidence is the corpus span; Evidence.article resolves the article through the loaders.
import { Directive, Field, Float, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { TariffStatus } from "./enums.js";
import { Evidence } from "./Evidence.js";

@Directive(PUBLIC)
@ObjectType("TariffChange", {
  simpleResolvers: true,
  description: "One statement of a tariff's rate by one source: the rate, its status, when it takes effect, and the sentence that says so.",
})
export class TariffChange {
  @Field(() => Float, {
    nullable: true,
    description: "The rate stated, in percent; for PAUSED and WITHDRAWN, the rate that stops applying (null: the whole tariff).",
  })
  ratePercent?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "The rate before, when the source states it; for PAUSED and WITHDRAWN, the rate that applies again.",
  })
  previousRatePercent?: number | null;

  @Field(() => TariffStatus, { description: "Whether the rate is in effect, announced, threatened, paused or withdrawn." })
  status!: TariffStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "When the rate takes or took effect: ISO 8601, possibly partial (`2025-09`); null when the source gives no date (its publication date then places it in the history).",
  })
  effective?: string | null;

  @Field(() => Evidence, { description: "The sentence that states it." })
  evidence!: Evidence;
}
