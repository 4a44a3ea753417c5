// One point of an entity's timeline chart: an interval and the mentions within it.
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { DateResolver } from "graphql-scalars";
import { PUBLIC } from "./contract.js";

@Directive(PUBLIC)
@ObjectType("TimelinePoint", {
  simpleResolvers: true,
  description: "Mentions of an entity within one interval (a day, week or month, in UTC) of a timeline.",
})
export class TimelinePoint {
  @Field(() => DateResolver, {
    description: "First day of the interval (`YYYY-MM-DD`): the day itself, the week's Monday or the month's first day.",
  })
  date!: string;

  @Field(() => Int, {
    description: "Mentions of the entity in articles published within the interval and the requested range; 0 when none.",
  })
  count!: number;

  @Field(() => Int, { description: "Articles published within the interval (and range) that mention the entity." })
  articleCount!: number;
}
