// A value type: the sentence of an article that states a fact. Its article is resolved in EvidenceResolver.
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(PUBLIC)
@ObjectType("Evidence", {
  simpleResolvers: true,
  description: "The words of an article that state a fact; `article.body.slice(start, end)` equals `quote`.",
})
export class Evidence {
  @Field(() => String, { description: "The sentence, verbatim." })
  quote!: string;

  @Field(() => Int, { description: "UTF-16 offset of the quote's first character in the article body." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just past the quote's last character in the article body." })
  end!: number;
}
