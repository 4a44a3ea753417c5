// The Country entity, keyed by its ISO 3166-1 alpha-2 code, and also by its alpha-3 code:
// other teams' data (travel advisories, trade statistics) keys countries by alpha-3, and with
// the second key their subgraphs reference a Country without converting codes first.
// (`alpha3` is computed from the code, and `kind` defaulted, in CountryResolver.)
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PUBLIC } from "./contract.js";

@Directive(`@key(fields: "code")`)
@Directive(`@key(fields: "alpha3")`)
@Directive(PUBLIC)
@ObjectType("Country", {
  simpleResolvers: true,
  description:
    "A trade party identified by its ISO 3166-1 alpha-2 code: a sovereign state, or the European Union (`EU`, a code ISO 3166-1 reserves for it), which sets tariffs and signs trade agreements for its members.",
})
export class Country {
  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code, upper case, e.g. `JP`." })
  code!: string;

  @Field(() => String, { description: "Common English name, e.g. `Japan`." })
  name!: string;

  @Field(() => [String], {
    description:
      "Other names that stand for the state in news text: short forms (`U.S.`), demonyms (`Japanese`), capitals used for the government (`Washington`).",
  })
  aliases!: string[];
}
