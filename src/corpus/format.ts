// The corpus file format: the zod schema a corpus JSON file must satisfy, and the
// TypeScript types every later stage (indexes, loaders, stores) reads it through.
// Shape only lives here; cross-record rules (unique ids, references, spans) are in validate.ts.
import { z } from "zod";
import { ENTITY_KINDS, KINDS, type EntitySection } from "./kinds.js";

/** ISO 8601 date, possibly partial: "2025", "2025-07" or "2025-07-15". */
const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be an ISO 8601 date such as 2025, 2025-07 or 2025-07-15");

/** ISO 3166-1 alpha-2 country code, upper case (EU, which ISO 3166-1 reserves, for the European Union). */
const CountryCode = z.string().regex(/^[A-Z]{2}$/, "must be an upper-case ISO 3166-1 alpha-2 code such as JP");

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes");

/** A UTF-16 span into an article body; `text` must equal `body.slice(start, end)`. */
const SpanShape = {
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
};

/** Evidence: the sentence of an article that states a fact. */
export const EvidenceSchema = z.strictObject({
  articleId: Id,
  quote: z.string().min(1),
  ...SpanShape,
});

/** The kinds of entity a mention can name: the kinds table's (kinds.ts). */
export const EntityTypeSchema = z.enum(ENTITY_KINDS);

export const MentionSchema = z.strictObject({
  entityType: EntityTypeSchema,
  /** The entity's key: its id, or a country's code. */
  entityId: z.string().min(1),
  text: z.string().min(1),
  ...SpanShape,
});

/**
 * Something ingestion found in an article but could not tie to an entity ("high U.S. tariffs":
 * no target country stated), kept so an editor can see what the corpus does not say.
 */
export const UnresolvedReferenceSchema = z.strictObject({
  /** The kind of entity the words looked like, when known. */
  entityType: EntityTypeSchema.nullable().optional(),
  text: z.string().min(1),
  ...SpanShape,
  reason: z.string().min(1),
});

export const ArticleSchema = z.strictObject({
  id: Id,
  headline: z.string().min(1).nullable().optional(),
  lead: z.string().min(1),
  body: z.string().min(1),
  dateline: z.string().min(1).nullable().optional(),
  publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  source: z.string().min(1),
  copyright: z.string().min(1).nullable().optional(),
  mentions: z.array(MentionSchema),
  /** References ingestion could not resolve; absent means none recorded. */
  unresolved: z.array(UnresolvedReferenceSchema).optional(),
});

export const RoleSchema = z.strictObject({
  title: z.string().min(1),
  country: CountryCode.nullable().optional(),
  current: z.boolean(),
  start: PartialDate.nullable().optional(),
  end: PartialDate.nullable().optional(),
  /** The organization whose office it is ("President of the European Commission"); an id in $.organizations. */
  organizationId: Id.nullable().optional(),
  /** Sentences that state when the role started or ended ("took office a week earlier"). */
  evidence: z.array(EvidenceSchema).optional(),
});

export const PersonSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().min(1).nullable().optional(),
  nationality: CountryCode.nullable().optional(),
  roles: z.array(RoleSchema),
});

/** What a trade party is: a sovereign state, or a customs union acting for its members (the EU). */
export const CountryKindSchema = z.enum(["SOVEREIGN_STATE", "CUSTOMS_UNION"]);

export const CountrySchema = z.strictObject({
  code: CountryCode,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Absent means SOVEREIGN_STATE, so corpora written before the field stay valid as they are. */
  kind: CountryKindSchema.optional(),
});

export const MoneySchema = z.strictObject({
  amount: z.number().finite(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code such as USD"),
});

export const CommitmentSchema = z.strictObject({
  party: CountryCode,
  description: z.string().min(1),
  amount: MoneySchema.nullable().optional(),
  sectors: z.array(z.string().min(1)),
});

export const AgreementKindSchema = z.enum(["TRADE", "SECURITY", "INVESTMENT", "OTHER"]);

/** Where an agreement stands: talks, a framework agreed in principle, signed, in force, suspended, ended. */
export const AgreementStatusSchema = z.enum(["NEGOTIATING", "FRAMEWORK", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED"]);

/** One step of an agreement's status as one article states it. */
export const AgreementStatusChangeSchema = z.strictObject({
  status: AgreementStatusSchema,
  /** When the step took (or takes) effect, when stated; else the article's publication date stands in. */
  effective: PartialDate.nullable().optional(),
  evidence: EvidenceSchema,
});

export const AgreementSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: AgreementKindSchema,
  parties: z.array(CountryCode).min(1),
  concluded: PartialDate.nullable().optional(),
  summary: z.string().min(1).nullable().optional(),
  commitments: z.array(CommitmentSchema),
  evidence: z.array(EvidenceSchema).min(1, "an agreement needs at least one evidence span"),
  /** The agreement's status over time, one entry per statement; absent means none recorded. */
  history: z.array(AgreementStatusChangeSchema).optional(),
});

/**
 * What a statement says of a tariff rate: in effect (now or from `effective`), announced to
 * take effect, threatened, paused, or withdrawn. Only IN_EFFECT ever sets the current rate.
 */
export const TariffStatusSchema = z.enum(["IN_EFFECT", "ANNOUNCED", "THREATENED", "PAUSED", "WITHDRAWN"]);

/** One observation of a tariff: what one sentence of one article states about its rate. */
export const TariffChangeSchema = z.strictObject({
  /** The rate stated; for PAUSED and WITHDRAWN, the rate that stops applying (null: the tariff's whole rate). */
  ratePercent: z.number().nonnegative().nullable().optional(),
  /** The rate before, when stated; for PAUSED and WITHDRAWN, the rate that applies again. */
  previousRatePercent: z.number().nonnegative().nullable().optional(),
  status: TariffStatusSchema,
  /** When the rate takes (took) effect, when stated; else the article's publication date stands in. */
  effective: PartialDate.nullable().optional(),
  evidence: EvidenceSchema,
});

export const TariffSchema = z.strictObject({
  id: Id,
  imposedBy: CountryCode,
  appliesTo: CountryCode,
  product: z.string().min(1),
  ratePercent: z.number().nonnegative().nullable().optional(),
  previousRatePercent: z.number().nonnegative().nullable().optional(),
  agreementId: Id.nullable().optional(),
  evidence: z.array(EvidenceSchema).min(1, "a tariff needs at least one evidence span"),
  /**
   * Every statement of the rate, one per sentence; absent or empty means one IN_EFFECT
   * observation derived from `ratePercent`, `previousRatePercent` and the first evidence.
   * When present, `ratePercent` and `previousRatePercent` must be what it gives (tariffHistory.ts).
   */
  history: z.array(TariffChangeSchema).optional(),
});

export const OrganizationKindSchema = z.enum(["INTERNATIONAL_BODY", "GOVERNMENT_BODY", "COMPANY", "POLITICAL_PARTY", "OTHER"]);

/** An organization: an international body, a government body, a company, a party. */
export const OrganizationSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  kind: OrganizationKindSchema,
  /** The country it belongs to (a government body, a party) or is based in (a company); null for none. */
  country: CountryCode.nullable().optional(),
  /** Member states of a body of states; empty otherwise. */
  members: z.array(CountryCode),
});

export const CorpusSchema = z.strictObject({
  version: z.literal(1),
  articles: z.array(ArticleSchema),
  people: z.array(PersonSchema),
  countries: z.array(CountrySchema),
  agreements: z.array(AgreementSchema),
  tariffs: z.array(TariffSchema),
  /** Absent in corpora written before organizations were a kind: none. */
  organizations: z.array(OrganizationSchema).optional(),
});

export type EntityType = z.infer<typeof EntityTypeSchema>;
export type UnresolvedReferenceRecord = z.infer<typeof UnresolvedReferenceSchema>;
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;
export type AgreementStatusChangeRecord = z.infer<typeof AgreementStatusChangeSchema>;
export type TariffStatus = z.infer<typeof TariffStatusSchema>;
export type TariffChangeRecord = z.infer<typeof TariffChangeSchema>;
export type MentionRecord = z.infer<typeof MentionSchema>;
export type ArticleRecord = z.infer<typeof ArticleSchema>;
export type RoleRecord = z.infer<typeof RoleSchema>;
export type PersonRecord = z.infer<typeof PersonSchema>;
export type CountryKind = z.infer<typeof CountryKindSchema>;
export type CountryRecord = z.infer<typeof CountrySchema>;
export type EvidenceRecord = z.infer<typeof EvidenceSchema>;
export type MoneyRecord = z.infer<typeof MoneySchema>;
export type CommitmentRecord = z.infer<typeof CommitmentSchema>;
export type AgreementKind = z.infer<typeof AgreementKindSchema>;
export type AgreementRecord = z.infer<typeof AgreementSchema>;
export type TariffRecord = z.infer<typeof TariffSchema>;
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;
export type OrganizationRecord = z.infer<typeof OrganizationSchema>;
export type CorpusRecord = z.infer<typeof CorpusSchema>;

// Compile-time check: the corpus holds exactly one section per entity kind of kinds.ts, plus
// its version and articles. A kind added there without its section here fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sectionsMatchKinds: Same<Exclude<keyof CorpusRecord, "version" | "articles">, EntitySection> = true;
void sectionsMatchKinds;

/**
 * The top-level arrays of a corpus (one per entity kind, then the articles), each with the zod
 * schema of one element, for readers that check a file record by record.
 */
export const CORPUS_SECTIONS = {
  ...(Object.fromEntries(ENTITY_KINDS.map((kind) => [KINDS[kind].section, sectionElement(KINDS[kind].section)])) as {
    [S in EntitySection]: z.ZodType<NonNullable<CorpusRecord[S]>[number]>;
  }),
  articles: CorpusSchema.shape.articles.element,
};

// Private: the zod schema of one record of an entity section (a section may be optional).
function sectionElement(section: EntitySection): z.ZodType {
  const schema: z.ZodType = CorpusSchema.shape[section];
  const array = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return (array as z.ZodArray<z.ZodType>).element;
}
