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

/** What a trade party is. Values match the corpus's country `kind` (absent there means SOVEREIGN_STATE). */
export enum CountryKind {
  SOVEREIGN_STATE = "SOVEREIGN_STATE",
  CUSTOMS_UNION = "CUSTOMS_UNION",
}

registerEnumType(CountryKind, {
  name: "CountryKind",
  description: "What a trade party is: a sovereign state, or a customs union that sets tariffs and signs trade agreements for its members.",
  valuesConfig: {
    SOVEREIGN_STATE: { description: "A sovereign state, such as Japan (`JP`)." },
    CUSTOMS_UNION: {
      description:
        "A customs union acting as one trade party for its member states, such as the European Union (`EU`, reserved for it by ISO 3166-1).",
    },
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

/** What a statement says of a tariff rate. Values match the corpus's tariff observation `status`. */
export enum TariffStatus {
  IN_EFFECT = "IN_EFFECT",
  ANNOUNCED = "ANNOUNCED",
  THREATENED = "THREATENED",
  PAUSED = "PAUSED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(TariffStatus, {
  name: "TariffStatus",
  description:
    "What a source says of a tariff rate: applied, set to apply, threatened, paused or withdrawn. Only IN_EFFECT ever sets `Tariff.ratePercent`.",
  valuesConfig: {
    IN_EFFECT: { description: "The rate applies (from `effective`, when given)." },
    ANNOUNCED: { description: 'The rate is set to apply later ("will fall to 15 percent"); not in effect until a source says so.' },
    THREATENED: { description: "The rate is threatened, not decided." },
    PAUSED: { description: "The rate stops applying for now; `previousRatePercent` is the rate that applies again, when stated." },
    WITHDRAWN: { description: "The rate is withdrawn; `previousRatePercent` is the rate that applies again, when stated." },
  },
});

/** Where an agreement stands. Values match the corpus's agreement status `status`. */
export enum AgreementStatus {
  NEGOTIATING = "NEGOTIATING",
  FRAMEWORK = "FRAMEWORK",
  SIGNED = "SIGNED",
  IN_FORCE = "IN_FORCE",
  SUSPENDED = "SUSPENDED",
  TERMINATED = "TERMINATED",
}

registerEnumType(AgreementStatus, {
  name: "AgreementStatus",
  description: "Where an agreement stands, as a source states it.",
  valuesConfig: {
    NEGOTIATING: { description: "The parties are negotiating." },
    FRAMEWORK: { description: "Agreed in principle or as a framework, not yet signed as a text." },
    SIGNED: { description: "Signed by the parties." },
    IN_FORCE: { description: "In force: its terms apply." },
    SUSPENDED: { description: "Suspended by a party." },
    TERMINATED: { description: "Ended or withdrawn from." },
  },
});
