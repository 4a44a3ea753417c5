// What each extractor hands on: the findings of one article, before they become corpus
// records with ids (records.ts). Types only.
import type {
  AgreementKind,
  AgreementStatus,
  CommitmentRecord,
  EntityType,
  OrganizationKind,
  TariffStatus,
} from "../../src/corpus/format.js";
import type { SurfaceKind } from "./gazetteer.js";
import type { Span } from "./textAnalysis.js";

/** A span that mentions an entity, with the sentence it sits in (the evidence). */
export interface Mention extends Span {
  sentence: number;
}

/** A country named, described by demonym, or stood for by its capital. */
export interface CountryMention extends Mention {
  code: string;
  kind: SurfaceKind;
}

/** A role the text gives a person: "U.S. President", "the former Japanese prime minister". */
export interface RoleFinding {
  title: string;
  country: string | null;
  current: boolean;
  /** When the person took office, if the text says ("took office a week earlier"): ISO 8601, possibly partial. */
  start?: string | null;
  /** When the person left office, if the text says. */
  end?: string | null;
  /** The sentences stating the start or end; they become the role's evidence. */
  sentences?: number[];
  /** The name of the organization the office belongs to ("European Commission President"), if the text names one. */
  organization: string | null;
}

/** What an organization is: the kinds the corpus's Organization uses (format.ts). */
export type { OrganizationKind };

/** An organization: a curated one ("WTO", "Toyota") or one the text introduces ("the Vietnam News Agency"). */
export interface OrganizationFinding {
  name: string;
  /** Other forms the article or the gazetteer uses: acronyms, short names. */
  aliases: string[];
  kind: OrganizationKind;
  /** The state it belongs to (a ministry's, a company's home), or null for an international body. */
  country: string | null;
  /** Member states of an international body, when known. */
  members: string[];
  mentions: Mention[];
}

/** A person: full name, the forms that refer to them, and what the text says they are. */
export interface PersonFinding {
  name: string;
  /** The short form later sentences use ("Takaichi", "Xi"). */
  alias: string;
  nationality: string | null;
  roles: RoleFinding[];
  description: string | null;
  mentions: Mention[];
}

/** An agreement: what kind, between whom, when concluded, and what each party committed to. */
export interface AgreementFinding {
  kind: AgreementKind;
  parties: string[];
  concluded: string | null;
  /** A proper name when the text gives one ("Comprehensive Economic Partnership Agreement"). */
  properName: string | null;
  /** The noun the text uses for it ("agreement", "alliance", "treaty"), for its generated name. */
  head: string;
  commitments: CommitmentRecord[];
  mentions: Mention[];
  /** Each statement of where the agreement stands, in text order; records.ts makes them its history. */
  statusSteps?: AgreementStatusFinding[];
}

/** One sentence's statement of an agreement's status ("signed on Friday", "talks resumed"). */
export interface AgreementStatusFinding {
  status: AgreementStatus;
  /** When the step took or takes effect, if stated: ISO 8601, possibly partial. */
  effective: string | null;
  /** The sentence stating it (the evidence). */
  sentence: number;
}

/**
 * One sentence's statement of a tariff's rate: "raised to 27.5 percent on April 3" (IN_EFFECT,
 * 2025-04-03), "will fall to 15 percent" (ANNOUNCED), "threatened a 25 percent levy" (THREATENED).
 * records.ts turns each into one observation of the tariff's history, with the sentence as evidence.
 */
export interface TariffObservationFinding {
  ratePercent: number | null;
  previousRatePercent: number | null;
  status: TariffStatus;
  /** When the rate takes or took effect, if stated: ISO 8601, possibly partial. */
  effective: string | null;
  /** The sentence stating it (the evidence). */
  sentence: number;
}

/** A tariff: who imposes it on whom, on what, at which rate. */
export interface TariffFinding {
  imposedBy: string;
  appliesTo: string;
  product: string;
  ratePercent: number | null;
  previousRatePercent: number | null;
  agreement: AgreementFinding | null;
  mentions: Mention[];
  /**
   * Each statement of the rate, in text order. Absent: the tariff's history is one IN_EFFECT
   * observation derived from `ratePercent`/`previousRatePercent` and its first evidence sentence.
   */
  observations?: TariffObservationFinding[];
}

/** Something that looks like an entity reference the extractor could not tie to one. */
export interface UnresolvedFinding {
  entityType: EntityType;
  text: string;
  start: number;
  end: number;
  reason: string;
}
