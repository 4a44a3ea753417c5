// A value type: one place in an article's body where an entity is named.
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(PUBLIC)
@ObjectType("Mention", {
  simpleResolvers: true,
  description: "One place in an article's body that names an entity; `body.slice(start, end)` equals `text`.",
})
export class Mention {
  @Field(() => String, { description: "The words as they appear, e.g. `Takaichi` or `Washington`." })
  text!: string;

  @Field(() => Int, { description: "UTF-16 offset of the first character in the article body." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just past the last character in the article body." })
  end!: number;
}
