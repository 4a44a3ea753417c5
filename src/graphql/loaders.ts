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
import type { ArticleRecord } from "../corpus/format.js";
import { ENTITY_KINDS, KINDS, type EntityKind, type EntityRecordOf } from "../corpus/kinds.js";
import type { ObservedAgreementStatusChange } from "../corpus/agreementHistory.js";
import type { ObservedTariffChange } from "../corpus/tariffHistory.js";

/** Called once per batch a loader dispatches, with the loader's name and the number of keys. */
export type BatchObserver = (loader: LoaderName, size: number) => void;

/** The name of a kind's loader: its type name, uncapitalised (`person`, `country`…). */
export type EntityLoaderName<K extends EntityKind> = Uncapitalize<(typeof KINDS)[K]["typeName"]>;

/** One loader per entity kind, by {@link EntityLoaderName}; a country's keys are upper-case codes. */
export type EntityLoaders = { [K in EntityKind as EntityLoaderName<K>]: DataLoader<string, EntityRecordOf[K] | null> };

/** The loaders one request uses; create a fresh set per request with {@link createLoaders}. */
export interface Loaders extends EntityLoaders {
  article: DataLoader<string, ArticleRecord | null>;
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
  const entityLoaders = Object.fromEntries(
    ENTITY_KINDS.map((kind) => [
      loaderName(kind),
      loader(loaderName(kind), async (keys: readonly string[]) => tagged(kind, await store.recordsByKey(kind, keys))),
    ]),
  ) as unknown as EntityLoaders;
  return {
    ...entityLoaders,
    article: loader("article", async (ids) => tagged("ARTICLE", await store.articlesById(ids))),
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

/** Given a kind, returns the name of its loader (`person` for PERSON). */
export function loaderName<K extends EntityKind>(kind: K): EntityLoaderName<K> {
  const name = KINDS[kind].typeName;
  return (name[0]!.toLowerCase() + name.slice(1)) as EntityLoaderName<K>;
}

/** Given a request's loaders and a kind, returns that kind's loader. */
export function entityLoader<K extends EntityKind>(loaders: Loaders, kind: K): DataLoader<string, EntityRecordOf[K] | null> {
  return loaders[loaderName(kind)] as unknown as DataLoader<string, EntityRecordOf[K] | null>;
}

/** What a record was loaded as: an article or an entity of some kind. */
export type RecordKind = EntityKind | "ARTICLE";

// The kind each loaded record was loaded as. Records carry no type tag of their own, and an
// abstract type (the Entity union) must name the concrete type of each value; the loader that
// loaded a record knows its kind, so it notes it here. Weak: a record leaves with its store.
const recordKinds = new WeakMap<object, RecordKind>();

/**
 * Given a value an abstract field resolved to, returns the kind of the loader that loaded it, or
 * undefined for a value no loader loaded (GraphQL then reports that the type cannot be resolved).
 */
export function kindOfRecord(value: object): RecordKind | undefined {
  return recordKinds.get(value);
}

// Private: notes the kind of every record of a batch; returns the batch.
function tagged<T extends object>(kind: RecordKind, records: (T | null)[]): (T | null)[] {
  for (const record of records) if (record !== null) recordKinds.set(record, kind);
  return records;
}
