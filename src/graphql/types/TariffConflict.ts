// A value type: sources that disagree about a tariff's rate in effect at one time, side by side.
import { Directive, Field, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { TariffChange } from "./TariffChange.js";

@Directive(PUBLIC)
@ObjectType("TariffConflict", {
  simpleResolvers: true,
  description: "Statements that give different rates in effect for the same time. Neither is dropped: both stay in `Tariff.history`.",
})
export class TariffConflict {
  @Field(() => String, { description: "The time they speak for: ISO 8601, possibly partial (the least precise of their dates)." })
  date!: string;

  @Field(() => [TariffChange], { description: "The disagreeing statements, oldest first, each with its evidence." })
  changes!: TariffChange[];
}
