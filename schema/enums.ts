// Enums of the public schema, with a description on every value for introspection tooling.
import { registerEnumType } from "type-graphql";

/** The kinds of entity an article can mention. Values match the corpus's `entityType`. */
export enum EntityType {
  PERSON = "PERSON",
  COUNTRY = "COUNTRY",
  AGREEMENT = "AGREEMENT",
  TARIFF = "TARIFF",
}

registerEnumType(EntityType, {
  name: "EntityType",
  description: "The kinds of entity an article can mention.",
  valuesConfig: {
    PERSON: { description: "A person, such as a head of government." },
    COUNTRY: { description: "A sovereign state, identified by its ISO 3166-1 alpha-2 code." },
    AGREEMENT: { description: "An agreement between countries: a trade deal, an alliance, an investment pledge." },
    TARIFF: { description: "A tariff one country imposes on goods from another." },
  },
});

/** What an agreement is about. */
export enum AgreementKind {
  TRADE = "TRADE",
  SECURITY = "SECURITY",
  INVESTMENT = "INVESTMENT",
  OTHER = "OTHER",
}

registerEnumType(AgreementKind, {
  name: "AgreementKind",
  description: "What an agreement is mainly about.",
  valuesConfig: {
    TRADE: { description: "Trade: tariffs, market access, purchases." },
    SECURITY: { description: "Security and defence: alliances, treaties, cooperation." },
    INVESTMENT: { description: "Investment pledges and funds." },
    OTHER: { description: "Any other kind of agreement." },
  },
});
