// The Article entity: one news report, its text and where it came from. Its mentions are
// resolved in ArticleResolver, its list of each kind of entity in MentionedEntitiesResolvers.
// Tagged public field by field: the body is licensed text and stays out of the public contract.
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeResolver } from "graphql-scalars";
import { PUBLIC } from "./contract.js";

@Directive(`@key(fields: "id")`)
@ObjectType("Article", {
  simpleResolvers: true,
  description: "A news article, with the entities it mentions and where each mention is in its body.",
})
export class Article {
  @Directive(PUBLIC)
  @Field(() => ID, { description: "Stable id of the article, e.g. `kyodo-20251028-takaichi-trump-summit`." })
  id!: string;

  @Directive(PUBLIC)
  @Field(() => String, { nullable: true, description: "The headline, or null when the source published none." })
  headline?: string | null;

  @Directive(PUBLIC)
  @Field(() => String, { description: "The lead: the body's opening sentence, for teasers and link previews." })
  lead!: string;

  // Licensed text: deliberately not tagged public, so the public contract never carries it.
  @Field(() => String, {
    description:
      "The full text, without dateline or copyright line. Every span (`start`/`end`) in this API is a UTF-16 offset into this string.",
  })
  body!: string;

  @Directive(PUBLIC)
  @Field(() => String, { nullable: true, description: "The dateline place as printed, e.g. `TOKYO`; null when there is none." })
  dateline?: string | null;

  @Directive(PUBLIC)
  @Field(() => DateTimeResolver, { nullable: true, description: "When the article was published (ISO 8601); null when unknown." })
  publishedAt?: string | null;

  @Directive(PUBLIC)
  @Field(() => String, { description: "Who published it, e.g. `Kyodo News`." })
  source!: string;

  @Directive(PUBLIC)
  @Field(() => String, { nullable: true, description: "The copyright notice as printed; null when there is none." })
  copyright?: string | null;
}
