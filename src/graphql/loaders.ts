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

/** How one loader is made: its batch function over a store, and its cache key when keys are objects. */
interface LoaderRecipe {
  batch(store: Store, keys: readonly never[]): Promise<unknown[]>;
  cacheKeyFn?(key: never): string;
}

// Private: every loader's recipe, by name.
const RECIPES: Record<LoaderName, LoaderRecipe> = {
  ...(Object.fromEntries(
    ENTITY_KINDS.map((kind): [LoaderName, LoaderRecipe] => [
      loaderName(kind),
      { batch: async (store, keys: readonly string[]) => tagged(kind, await store.recordsByKey(kind, keys)) },
    ]),
  ) as Record<EntityLoaderName<EntityKind>, LoaderRecipe>),
  article: { batch: async (store, ids: readonly string[]) => tagged("ARTICLE", await store.articlesById(ids)) },
  articleEntities: { batch: (store, ids: readonly string[]) => store.entitiesOfArticles(ids) },
  leaders: { batch: (store, codes: readonly string[]) => store.leadersOfCountries(codes) },
  agreementsOfCountry: { batch: (store, codes: readonly string[]) => store.agreementsOfCountries(codes) },
  tariffsImposedBy: { batch: (store, codes: readonly string[]) => store.tariffsImposedBy(codes) },
  tariffsFacedBy: { batch: (store, codes: readonly string[]) => store.tariffsFacedBy(codes) },
  tariffsOfAgreement: { batch: (store, ids: readonly string[]) => store.tariffsOfAgreements(ids) },
  tariffHistory: { batch: (store, ids: readonly string[]) => store.tariffHistories(ids) },
  agreementHistory: { batch: (store, ids: readonly string[]) => store.agreementHistories(ids) },
  entityArticles: {
    batch: (store, keys: readonly EntityArticlesKey[]) => store.articlesOfEntities(keys),
    cacheKeyFn: (k: EntityArticlesKey) => `${k.type}:${k.id}:${k.first}:${k.after ?? ""}`,
  },
  related: {
    batch: (store, keys: readonly RelatedKey[]) => store.relatedEntities(keys),
    cacheKeyFn: (k: RelatedKey) => `${k.type}:${k.id}:${[...(k.types ?? [])].sort().join(",")}:${k.first}`,
  },
  timeline: {
    batch: (store, keys: readonly TimelineKey[]) => store.timelines(keys),
    cacheKeyFn: (k: TimelineKey) => `${k.type}:${k.id}:${k.from ?? ""}:${k.to ?? ""}:${k.interval}:${k.points}`,
  },
};

/** Every loader's name: the kinds' loaders first, in the kinds' order. */
export const LOADER_NAMES = Object.keys(RECIPES) as readonly LoaderName[];

// Private: the prototype of the loader sets made for a store and an observer (see createLoaders).
const prototypes = new WeakMap<Store, Map<BatchObserver | undefined, object>>();

/**
 * Given a store, returns a fresh set of loaders for one request. Each batch function calls the
 * store once per batch; `observe` (for metrics and tests) hears of every batch. Each loader is
 * made the first time the request reads it: a request uses a few of the {@link LOADER_NAMES}, and
 * making all of them (a DataLoader and its cache map each) cost about 55 µs per request.
 */
export function createLoaders(store: Store, observe?: BatchObserver): Loaders {
  let byObserver = prototypes.get(store);
  if (!byObserver) prototypes.set(store, (byObserver = new Map()));
  let prototype = byObserver.get(observe);
  if (!prototype) byObserver.set(observe, (prototype = loadersPrototype(store, observe)));
  return Object.create(prototype);
}

// Private: an object whose getters make each loader on first read and keep it on the set read from.
function loadersPrototype(store: Store, observe: BatchObserver | undefined): object {
  const prototype = {};
  for (const name of LOADER_NAMES) {
    const recipe = RECIPES[name];
    Object.defineProperty(prototype, name, {
      enumerable: true,
      get(this: object) {
        const loader = new DataLoader(
          (keys: readonly never[]) => {
            observe?.(name, keys.length);
            return recipe.batch(store, keys);
          },
          { cacheKeyFn: recipe.cacheKeyFn, maxBatchSize: 1000 },
        );
        Object.defineProperty(this, name, { value: loader, enumerable: true });
        return loader;
      },
    });
  }
  return prototype;
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
