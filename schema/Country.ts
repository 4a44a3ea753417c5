// The Country entity, keyed by its ISO 3166-1 alpha-2 code.
import { Directive, Field, ID, ObjectType } from "type-graphql";

@Directive(`@key(fields: "code")`)
@ObjectType("Country", { description: "A sovereign state, identified by its ISO 3166-1 alpha-2 code." })
export class Country {
  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code, upper case, e.g. `JP`." })
  code!: string;

  @Field(() => String, { description: "Common English name, e.g. `Japan`." })
  name!: string;

  @Field(() => [String], {
    description: "Other names that stand for the state in news text: short forms (`U.S.`), demonyms (`Japanese`), capitals used for the government (`Washington`).",
  })
  aliases!: string[];
}
