// The Organization entity: an international body, a government body, a company or a party named
// in the news, with its kind and its pages (OrganizationConnection). Relations in OrganizationResolver.
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { PUBLIC } from "./contract.js";
import { connectionOf } from "./connections.js";

/** What an organization is. Values match the corpus's organization `kind`. */
export enum OrganizationKind {
  INTERNATIONAL_BODY = "INTERNATIONAL_BODY",
  GOVERNMENT_BODY = "GOVERNMENT_BODY",
  COMPANY = "COMPANY",
  POLITICAL_PARTY = "POLITICAL_PARTY",
  OTHER = "OTHER",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What an organization is.",
  valuesConfig: {
    INTERNATIONAL_BODY: { description: "A body of states: the WTO, the European Commission, ASEAN, the G7 or G20, OPEC." },
    GOVERNMENT_BODY: { description: "A body of one government: the Commerce Department, the Ministry of External Affairs." },
    COMPANY: { description: "A company, such as Toyota, Nvidia or Boeing." },
    POLITICAL_PARTY: { description: "A political party." },
    OTHER: { description: "Any other organization: a trade association, a news agency, a union." },
  },
});

@Directive(`@key(fields: "id")`)
@Directive(PUBLIC)
@ObjectType("Organization", {
  simpleResolvers: true,
  description: "An organization named in the news: an international body, a government body, a company, a party.",
})
export class Organization {
  @Field(() => ID, { description: "Stable id, e.g. `world-trade-organization`." })
  id!: string;

  @Field(() => String, { description: "Its name as the news writes it in full, e.g. `World Trade Organization`." })
  name!: string;

  @Field(() => [String], { description: "Other names the text uses for it, e.g. `WTO`. Empty when none." })
  aliases!: string[];

  @Field(() => OrganizationKind, { description: "What the organization is." })
  kind!: OrganizationKind;
}

export const OrganizationConnection = connectionOf(Organization, "Organization", "organizations");
