// The store contract: every lookup the per-request DataLoaders make, as batch functions.
// The in-memory store implements it over indexes built at load; a database store can
// implement it with one query per batch. Nothing here knows about GraphQL.
import type {
  AgreementKind,
  AgreementRecord,
  ArticleRecord,
  CountryRecord,
  EntityType,
  MentionRecord,
  PersonRecord,
  TariffRecord,
} from "../corpus/format.js";

/** A reference to one entity: a person, agreement or tariff id, or a country code. */
export interface EntityKey {
  type: EntityType;
  id: string;
}

/** The entities an article mentions, each list distinct and in order of first mention. */
export interface ArticleEntities {
  people: string[];
  countries: string[];
  agreements: string[];
  tariffs: string[];
  /** Every mention, sorted by start offset. */
  mentions: MentionRecord[];
}

/** Forward pagination: at most `first` items after the item the cursor `after` names. */
export interface PageRequest {
  first: number;
  after?: string | null;
}

/** One page of keys with the opaque cursor of each, in list order. */
export interface Page {
  ids: string[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Filters on the article list; all given filters must hold (AND). */
export interface ArticleFilterInput {
  personId?: string | null;
  countryCode?: string | null;
  agreementId?: string | null;
  tariffId?: string | null;
  /** ISO 8601 instant; articles published at or after it. */
  publishedAfter?: string | null;
  /** ISO 8601 instant; articles published at or before it. */
  publishedBefore?: string | null;
}

/** Key of a batched "articles mentioning this entity" page lookup. */
export interface EntityArticlesKey extends EntityKey, PageRequest {}

/** Filters on the tariff list; codes are ISO alpha-2, upper case. */
export interface TariffFilterInput {
  imposedBy?: string | null;
  appliesTo?: string | null;
  /** Case-insensitive substring of the product. */
  product?: string | null;
}

/**
 * The batch lookups behind the DataLoaders. Every `…By…` method takes many keys and returns
 * one answer per key, in key order, `null` (or an empty list) for an unknown key.
 */
export interface Store {
  /** Changes whenever the data changes (a reload); safe to use in cache keys. */
  readonly version: string;

  articlesById(ids: readonly string[]): Promise<(ArticleRecord | null)[]>;
  peopleById(ids: readonly string[]): Promise<(PersonRecord | null)[]>;
  /** Codes must already be upper case. */
  countriesByCode(codes: readonly string[]): Promise<(CountryRecord | null)[]>;
  agreementsById(ids: readonly string[]): Promise<(AgreementRecord | null)[]>;
  tariffsById(ids: readonly string[]): Promise<(TariffRecord | null)[]>;

  entitiesOfArticles(articleIds: readonly string[]): Promise<(ArticleEntities | null)[]>;
  /** Person ids holding a current role in each country. */
  leadersOfCountries(codes: readonly string[]): Promise<string[][]>;
  agreementsOfCountries(codes: readonly string[]): Promise<string[][]>;
  tariffsImposedBy(codes: readonly string[]): Promise<string[][]>;
  tariffsFacedBy(codes: readonly string[]): Promise<string[][]>;
  tariffsOfAgreements(agreementIds: readonly string[]): Promise<string[][]>;
  /** Newest first: pages of the articles that mention each entity. */
  articlesOfEntities(keys: readonly EntityArticlesKey[]): Promise<Page[]>;

  /** Newest first (publishedAt descending, then id). Throws CursorError on a bad cursor. */
  listArticles(filter: ArticleFilterInput, page: PageRequest): Promise<Page>;
  /** By name; `name` matches name or alias, case-insensitively, anywhere in it. */
  listPeople(name: string | null | undefined, page: PageRequest): Promise<Page>;
  /** Every country code, by name. */
  listCountries(): Promise<string[]>;
  listAgreements(partyCode: string | null | undefined, kind: AgreementKind | null | undefined): Promise<string[]>;
  listTariffs(filter: TariffFilterInput): Promise<string[]>;
}
