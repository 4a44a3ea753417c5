// The input that narrows the article list; all given filters must hold.
import { Directive, Field, ID, InputType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { DateTimeResolver } from "graphql-scalars";

@Directive(PUBLIC)
@InputType("ArticleFilter", { description: "Narrows the article list. Every filter given must hold; omitted filters match everything." })
export class ArticleFilter {
  @Field(() => ID, { nullable: true, description: "Only articles that mention this person (a Person id)." })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: "Only articles that mention this country (ISO alpha-2 code, any case)." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles that mention this agreement (an Agreement id)." })
  agreementId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles that mention this tariff (a Tariff id)." })
  tariffId?: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only articles published at or after this instant." })
  publishedAfter?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: "Only articles published at or before this instant." })
  publishedBefore?: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only articles whose headline or body holds every word of this text (case, accents and plurals ignored; `deal` finds `agreement`). A phrase that names an entity (`U.S.`, `United States`, `Takaichi`) stands for that entity: it matches the articles that mention it, however they spell it. Stop words (`the`, `on`) are ignored; text of stop words only matches every article. Combines with the other filters; the list stays newest first (use `search` for relevance order).",
  })
  text?: string | null;
}
