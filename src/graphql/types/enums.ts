// Enums of the public schema, with a description on every value for introspection tooling.
// The enums of entity kinds (EntityType, SearchType) are made from the kinds tables in kindEnums.ts.
import { registerEnumType } from "type-graphql";

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

/** The width of one point of a timeline. */
export enum TimelineInterval {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}

registerEnumType(TimelineInterval, {
  name: "TimelineInterval",
  description: "How much time one point of a timeline covers. Days are UTC calendar days.",
  valuesConfig: {
    DAY: { description: "One point per day." },
    WEEK: { description: "One point per week, Monday to Sunday, dated by its Monday." },
    MONTH: { description: "One point per calendar month, dated by its first day." },
  },
});
