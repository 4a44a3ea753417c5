// A span of a search hit's field that the query matched, for bolding in a result list.
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(PUBLIC)
@ObjectType("Highlight", {
  simpleResolvers: true,
  description:
    "A part of a search hit that the query matched. `start`/`end` are UTF-16 offsets into the field named by `field`, so the field's value `.slice(start, end)` equals `text`.",
})
export class Highlight {
  @Field(() => String, {
    description:
      "Which field of the hit the span is in: `headline` or `body` of an article; `name` or `aliases[i]` (the i-th alias, from 0) of a person or country; `name` of an agreement or tariff.",
  })
  field!: string;

  @Field(() => String, { description: "The matched text exactly as it appears in the field, e.g. `Takaichi` or `United States`." })
  text!: string;

  @Field(() => Int, { description: "UTF-16 offset of the first character of the span in the field." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just after the last character of the span." })
  end!: number;
}
