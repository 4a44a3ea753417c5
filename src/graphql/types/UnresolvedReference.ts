// A value type: words of an article that looked like a reference to an entity but were not tied to one.
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { EntityType } from "./kindEnums.js";

@Directive(PUBLIC)
@ObjectType("UnresolvedReference", {
  simpleResolvers: true,
  description:
    "Words ingestion found that look like a reference to an entity but could not tie to one, e.g. `high U.S. tariffs` (no target country stated); `article.body.slice(start, end)` equals `text`.",
})
export class UnresolvedReference {
  @Field(() => EntityType, { nullable: true, description: "The kind of entity the words look like; null when not recorded." })
  entityType?: EntityType | null;

  @Field(() => String, { description: "The words, verbatim." })
  text!: string;

  @Field(() => Int, { description: "UTF-16 offset of the first character in the article body." })
  start!: number;

  @Field(() => Int, { description: "UTF-16 offset just past the last character in the article body." })
  end!: number;

  @Field(() => String, { description: "Why they could not be tied to an entity, e.g. `no target country stated`." })
  reason!: string;
}
