// The serving layer's table of entity kinds, keyed by the kinds of src/corpus/kinds.ts: the
// type-graphql class of each kind and the words the schema says about it. Loaders, the
// `EntityType` and `SearchType` enums, the `Entity` and `SearchResult` unions, the entity
// filters of `ArticleFilter`, `Article.<kind list>`, every entity's `articles` and `timeline`,
// the federation reference resolvers and the list of resolver classes are made from it. Typed by kind: a kind of the data
// layer's table without its row here does not compile.
import { ID, type ClassType } from "type-graphql";
import type { EntityKind } from "../corpus/kinds.js";
import { Agreement } from "./types/Agreement.js";
import { Country } from "./types/Country.js";
import { Person } from "./types/Person.js";
import { Tariff } from "./types/Tariff.js";
import { AgreementResolver } from "./resolvers/AgreementResolver.js";
import { CountryResolver } from "./resolvers/CountryResolver.js";
import { PersonResolver } from "./resolvers/PersonResolver.js";
import { TariffResolver } from "./resolvers/TariffResolver.js";
import { Organization } from "./types/Organization.js";
import { OrganizationResolver, RoleOrganizationResolver } from "./resolvers/OrganizationResolver.js";

/** What the schema says and serves for one kind. */
export interface KindType {
  /** Its object type. A thunk: the type classes and this table import each other's modules. */
  type: () => ClassType;
  /** Its resolver classes: its queries and its own relations (`articles` and `timeline` are made for every kind). */
  resolvers: () => ClassType[];
  /** Description of its `EntityType` value. */
  description: string;
  /** Description of its `SearchType` value: what search matches it by. */
  searchDescription: string;
  /** Description of its `articles` field. */
  articlesDescription: string;
  /** Description of the `Article` field listing the entities of this kind an article mentions. */
  mentionedDescription: string;
  /** Scalar of its `ArticleFilter` field: `ID` for ids, `String` for a country code (which any case matches). */
  filterType: typeof ID | typeof String;
  /** Description of its `ArticleFilter` field. */
  filterDescription: string;
}

/** The table. The order of the data layer's ENTITY_KINDS is the order the schema lists kinds in. */
export const KIND_TYPES: Record<EntityKind, KindType> = {
  PERSON: {
    type: () => Person,
    resolvers: () => [PersonResolver],
    description: "A person, such as a head of government.",
    searchDescription: "People, matched by name and alias.",
    articlesDescription: "Articles that mention the person, newest first.",
    mentionedDescription: "People the article mentions, in order of first mention.",
    filterType: ID,
    filterDescription: "Only articles that mention this person (a Person id).",
  },
  COUNTRY: {
    type: () => Country,
    resolvers: () => [CountryResolver],
    description: "A sovereign state or customs union (the EU), identified by its ISO 3166-1 alpha-2 code.",
    searchDescription: "Countries, matched by name and alias (`US`, `U.S.`, `United States` alike).",
    articlesDescription: "Articles that mention the country as a state, newest first.",
    mentionedDescription: "Countries the article mentions as states, in order of first mention.",
    filterType: String,
    filterDescription: "Only articles that mention this country (ISO alpha-2 code, any case).",
  },
  AGREEMENT: {
    type: () => Agreement,
    resolvers: () => [AgreementResolver],
    description: "An agreement between countries: a trade deal, an alliance, an investment pledge.",
    searchDescription: "Agreements, matched by name and by the countries party to them.",
    articlesDescription: "Articles that mention the agreement, newest first.",
    mentionedDescription: "Agreements the article mentions, in order of first mention.",
    filterType: ID,
    filterDescription: "Only articles that mention this agreement (an Agreement id).",
  },
  TARIFF: {
    type: () => Tariff,
    resolvers: () => [TariffResolver],
    description: "A tariff one country imposes on goods from another.",
    searchDescription: "Tariffs, matched by name (`United States tariff on automobiles from Japan`) and by their countries.",
    articlesDescription: "Articles that mention the tariff, newest first.",
    mentionedDescription: "Tariffs the article mentions, in order of first mention.",
    filterType: ID,
    filterDescription: "Only articles that mention this tariff (a Tariff id).",
  },
  ORGANIZATION: {
    type: () => Organization,
    resolvers: () => [OrganizationResolver, RoleOrganizationResolver],
    description: "An organization: an international body, a government body, a company, a party.",
    searchDescription: "Organizations, matched by name and alias (`WTO`, `World Trade Organization` alike).",
    articlesDescription: "Articles that mention the organization, newest first.",
    mentionedDescription: "Organizations the article mentions, in order of first mention.",
    filterType: ID,
    filterDescription: "Only articles that mention this organization (an Organization id).",
  },
};
