// Per-request DataLoaders over the store. Every relation field and every federation
// reference goes through these, so one GraphQL level asks the store once per kind of lookup.
import DataLoader from "dataloader";
import type {
  Store,
  EntityArticlesKey,
  Page,
  ArticleEntities,
  RelatedKey,
  RelatedRecord,
  TimelineKey,
  TimelinePointRecord,
} from "../store/Store.js";
import type { AgreementRecord, ArticleRecord, CountryRecord, PersonRecord, TariffRecord } from "../corpus/format.js";
import type { ObservedAgreementStatusChange } from "../corpus/agreementHistory.js";
import type { ObservedTariffChange } from "../corpus/tariffHistory.js";

/** Called once per batch a loader dispatches, with the loader's name and the number of keys. */
export type BatchObserver = (loader: LoaderName, size: number) => void;

/** The loaders one request uses; create a fresh set per request with {@link createLoaders}. */
export interface Loaders {
  article: DataLoader<string, ArticleRecord | null>;
  person: DataLoader<string, PersonRecord | null>;
  /** Keys are ISO alpha-2 codes, upper case. */
  country: DataLoader<string, CountryRecord | null>;
  agreement: DataLoader<string, AgreementRecord | null>;
  tariff: DataLoader<string, TariffRecord | null>;
  articleEntities: DataLoader<string, ArticleEntities | null>;
  leaders: DataLoader<string, string[]>;
  agreementsOfCountry: DataLoader<string, string[]>;
  tariffsImposedBy: DataLoader<string, string[]>;
  tariffsFacedBy: DataLoader<string, string[]>;
  tariffsOfAgreement: DataLoader<string, string[]>;
  /** Each tariff's observations, oldest first: history, rateAsOf, disputed and conflicts of a list of tariffs are one batch. */
  tariffHistory: DataLoader<string, ObservedTariffChange[]>;
  /** Each agreement's status steps, oldest first. */
  agreementHistory: DataLoader<string, ObservedAgreementStatusChange[]>;
  entityArticles: DataLoader<EntityArticlesKey, Page, string>;
  /** Entities mentioned with each key's entity: a list of entity pages' "related" panels is one batch. */
  related: DataLoader<RelatedKey, RelatedRecord[], string>;
  /** Each key's entity's mentions over time: the timelines of a list of entities are one batch. */
  timeline: DataLoader<TimelineKey, TimelinePointRecord[], string>;
}

export type LoaderName = keyof Loaders;

/**
 * Given a store, returns a fresh set of loaders for one request. Each batch function calls the
 * store once per batch; `observe` (for metrics and tests) hears of every batch.
 */
export function createLoaders(store: Store, observe?: BatchObserver): Loaders {
  function loader<K, V, C = K>(
    name: LoaderName,
    batch: (keys: readonly K[]) => Promise<V[]>,
    cacheKeyFn?: (key: K) => C,
  ): DataLoader<K, V, C> {
    return new DataLoader<K, V, C>(
      (keys) => {
        observe?.(name, keys.length);
        return batch(keys);
      },
      { cacheKeyFn, maxBatchSize: 1000 },
    );
  }
  return {
    article: loader("article", (ids) => store.articlesById(ids)),
    person: loader("person", (ids) => store.peopleById(ids)),
    country: loader("country", (codes) => store.countriesByCode(codes)),
    agreement: loader("agreement", (ids) => store.agreementsById(ids)),
    tariff: loader("tariff", (ids) => store.tariffsById(ids)),
    articleEntities: loader("articleEntities", (ids) => store.entitiesOfArticles(ids)),
    leaders: loader("leaders", (codes) => store.leadersOfCountries(codes)),
    agreementsOfCountry: loader("agreementsOfCountry", (codes) => store.agreementsOfCountries(codes)),
    tariffsImposedBy: loader("tariffsImposedBy", (codes) => store.tariffsImposedBy(codes)),
    tariffsFacedBy: loader("tariffsFacedBy", (codes) => store.tariffsFacedBy(codes)),
    tariffsOfAgreement: loader("tariffsOfAgreement", (ids) => store.tariffsOfAgreements(ids)),
    tariffHistory: loader("tariffHistory", (ids) => store.tariffHistories(ids)),
    agreementHistory: loader("agreementHistory", (ids) => store.agreementHistories(ids)),
    entityArticles: loader(
      "entityArticles",
      (keys) => store.articlesOfEntities(keys),
      (k: EntityArticlesKey) => `${k.type}:${k.id}:${k.first}:${k.after ?? ""}`,
    ),
    related: loader(
      "related",
      (keys) => store.relatedEntities(keys),
      (k: RelatedKey) => `${k.type}:${k.id}:${[...(k.types ?? [])].sort().join(",")}:${k.first}`,
    ),
    timeline: loader(
      "timeline",
      (keys) => store.timelines(keys),
      (k: TimelineKey) => `${k.type}:${k.id}:${k.from ?? ""}:${k.to ?? ""}:${k.interval}:${k.points}`,
    ),
  };
}

/** Loads many keys and drops the ones that resolved to nothing (a dangling id never fails a list). */
export async function loadPresent<K, V>(loader: DataLoader<K, V | null, unknown>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  return values.filter((v): v is V => v != null && !(v instanceof Error));
}
