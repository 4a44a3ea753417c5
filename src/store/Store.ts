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
import type { EntityKind, EntityRecordOf, EntitySection, FilterFieldOf } from "../corpus/kinds.js";
import type { ObservedAgreementStatusChange } from "../corpus/agreementHistory.js";
import type { ObservedTariffChange } from "../corpus/tariffHistory.js";

/** A reference to one entity: its kind and key (an id, or a country's code). */
export interface EntityKey {
  type: EntityType;
  id: string;
}

/**
 * The entities an article mentions: per kind, under its section's name (`people`, `countries`…),
 * the ids distinct and in order of first mention.
 */
export type ArticleEntities = { [S in EntitySection]: string[] } & {
  /** Every mention, sorted by start offset. */
  mentions: MentionRecord[];
};

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

/** Per kind, the article-list filter naming one of its records (`personId`, `countryCode`…); keys as the store keeps them. */
export type EntityFilters = { [K in EntityKind as FilterFieldOf<K>]?: string | null };

/** Filters on the article list; all given filters must hold (AND). */
export interface ArticleFilterInput extends EntityFilters {
  /** ISO 8601 instant; articles published at or after it. */
  publishedAfter?: string | null;
  /** ISO 8601 instant; articles published at or before it. */
  publishedBefore?: string | null;
  /**
   * Words the headline or body must hold, every one (as written, singular or plural, or a
   * synonym); a phrase naming an entity matches the articles that mention the entity instead.
   * Text with no words (only stop words) constrains nothing.
   */
  text?: string | null;
}

/** Filters on a list by name (see Store.listByName). */
export interface NameListFilter {
  name?: string | null;
  category?: string | null;
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

/** What a search can return: an entity of some type, or an article. */
export type SearchTarget = EntityType | "ARTICLE";

/** A search box query. */
export interface SearchRequest {
  /** What the reader typed; the last word may be unfinished. */
  query: string;
  /** Kinds of result wanted; null or empty for all. */
  types?: readonly SearchTarget[] | null;
  /** How many hits at most, already checked against the page-size limit. */
  first: number;
}

/** A span of one field of a hit that the query matched; `text` equals the field's `slice(start, end)`. */
export interface HighlightRecord {
  /** `headline` or `body` of an article; `name` or `aliases[i]` of an entity. */
  field: string;
  text: string;
  start: number;
  end: number;
}

/** One search result: what it is, how relevant, and where it matched. */
export interface SearchHitRecord {
  type: SearchTarget;
  /** An article, person, agreement or tariff id, or a country code. */
  id: string;
  score: number;
  highlights: HighlightRecord[];
}

/** Key of a batched "entities mentioned with this one" lookup. */
export interface RelatedKey extends EntityKey {
  /** Only entities of these types; null or empty for all. */
  types?: readonly EntityType[] | null;
  first: number;
}

/** An entity mentioned in the same articles as another, and how strongly the two go together. */
export interface RelatedRecord extends EntityKey {
  /** Articles mentioning both. */
  articleCount: number;
  /** Co-mention strength in [0, 1]; see MemoryStore's CoMentions for the formula. */
  score: number;
}

/** The width of one point of a timeline. */
export type TimelineInterval = "DAY" | "WEEK" | "MONTH";

/** Key of a batched timeline lookup: one entity's mentions over a range of UTC days. */
export interface TimelineKey extends EntityKey {
  /** First day (`YYYY-MM-DD`, UTC) of the range; null: `points - 1` intervals before `to`. */
  from?: string | null;
  /** Last day of the range; null: `points - 1` intervals after `from`, or when `from` is null too, the day of the entity's latest mention. */
  to?: string | null;
  interval: TimelineInterval;
  /** How many points a range with a missing end spans. */
  points: number;
}

/** Mentions of one entity within one interval of a timeline. */
export interface TimelinePointRecord {
  /** First day of the interval, `YYYY-MM-DD` (UTC); a week starts on Monday, a month on the 1st. */
  date: string;
  /** Mentions of the entity in articles published within the interval (and the range). */
  count: number;
  /** Articles published within the interval that mention it. */
  articleCount: number;
}

/**
 * The batch lookups behind the DataLoaders. Every `…By…` method takes many keys and returns
 * one answer per key, in key order, `null` (or an empty list) for an unknown key.
 */
export interface Store {
  /** Changes whenever the data changes (a reload); safe to use in cache keys. */
  readonly version: string;
  /**
   * Resolves whether the store can answer now; a store that always can (in memory) leaves it out.
   * Reads that cannot be answered in time reject with StoreUnavailableError.
   */
  reachable?(): Promise<boolean>;

  /** Records of one kind by key (a country's key is its upper-case code). */
  recordsByKey<K extends EntityKind>(kind: K, keys: readonly string[]): Promise<(EntityRecordOf[K] | null)[]>;

  articlesById(ids: readonly string[]): Promise<(ArticleRecord | null)[]>;
  // Shorthands of recordsByKey for the first four kinds, kept for existing callers.
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
  /**
   * Each tariff's observations oldest first (src/corpus/tariffHistory.ts: a tariff without a
   * `history` has the one its rate fields imply), each with its article's publication time.
   */
  tariffHistories(tariffIds: readonly string[]): Promise<ObservedTariffChange[][]>;
  /** Each agreement's status steps oldest first, each with its article's publication time. */
  agreementHistories(agreementIds: readonly string[]): Promise<ObservedAgreementStatusChange[][]>;
  /** Newest first: pages of the articles that mention each entity. */
  articlesOfEntities(keys: readonly EntityArticlesKey[]): Promise<Page[]>;

  /** Newest first (publishedAt descending, then id). Throws CursorError on a bad cursor. */
  listArticles(filter: ArticleFilterInput, page: PageRequest): Promise<Page>;
  /**
   * Records of a kind listed by name (its `nameList` in the kinds table), A to Z by folded name
   * then key; `name` matches name or alias, case- and accent-blind, anywhere in it; `category`
   * keeps only records whose `nameList.category` field equals it. Throws for a kind without a name list.
   */
  listByName(kind: EntityKind, filter: NameListFilter, page: PageRequest): Promise<Page>;
  /** `listByName("PERSON", { name }, page)`, kept for existing callers. */
  listPeople(name: string | null | undefined, page: PageRequest): Promise<Page>;
  /** Every country code, by name. */
  listCountries(): Promise<string[]>;
  listAgreements(partyCode: string | null | undefined, kind: AgreementKind | null | undefined): Promise<string[]>;
  listTariffs(filter: TariffFilterInput): Promise<string[]>;

  /** Hits for a search box query, best first, at most `first` (see SearchIndex for the ranking). */
  search(request: SearchRequest): Promise<SearchHitRecord[]>;
  /** For each key, the entities most often mentioned with it, strongest first, at most `first`. */
  relatedEntities(keys: readonly RelatedKey[]): Promise<RelatedRecord[][]>;
  /** For each key, one point per interval from the range's first to last day, zeros included. */
  timelines(keys: readonly TimelineKey[]): Promise<TimelinePointRecord[][]>;
}
