// The default store: the validated corpus held in memory, with every index the loaders need
// built once at construction, so each lookup is a map read or a binary search.
import type { ArticleRecord, CorpusRecord } from "../corpus/format.js";
import { ENTITY_KINDS, KINDS, kindSpec, recordsOf, type EntityKind, type EntityRecordOf } from "../corpus/kinds.js";
import { foldText } from "../text/fold.js";
import { agreementHistory, type ObservedAgreementStatusChange } from "../corpus/agreementHistory.js";
import { tariffHistory, type ObservedTariffChange } from "../corpus/tariffHistory.js";
import { compareArticleKeys, compareNameKeys, decodeCursor, encodeCursor, type ArticleSortKey, type NameSortKey } from "./cursor.js";
import type {
  ArticleEntities,
  ArticleFilterInput,
  EntityArticlesKey,
  NameListFilter,
  Page,
  PageRequest,
  RelatedKey,
  SearchRequest,
  Store,
  TariffFilterInput,
  TimelineKey,
} from "./Store.js";
import { articleEntities, entityConstraints, entitiesOfKind } from "./articleEntities.js";
import { CoMentions } from "./CoMentions.js";
import { MentionTimeline } from "./MentionTimeline.js";
import { SearchIndex } from "./search/SearchIndex.js";

let loads = 0;

/** A {@link Store} over one immutable corpus snapshot. A reload builds a new MemoryStore. */
export class MemoryStore implements Store {
  readonly version: string;
  readonly corpus: CorpusRecord;

  private readonly articles = new Map<string, ArticleRecord>();
  private readonly articleKeys = new Map<string, ArticleSortKey>();
  /** Every article id, newest first. */
  private readonly articleOrder: string[];
  /** Per kind, its records by key. */
  private readonly records: { [K in EntityKind]: Map<string, EntityRecordOf[K]> };
  /** Per kind listed by name, its records A to Z by folded name and key, with every name folded. */
  private readonly nameOrders = new Map<EntityKind, NamedRecord[]>();
  private readonly countryOrder: string[];
  private readonly entities = new Map<string, ArticleEntities>();
  /** `${type}:${id}` → ids of the articles that mention the entity, newest first. */
  private readonly articlesByEntity = new Map<string, string[]>();
  private readonly leaders = new Map<string, string[]>();
  private readonly agreementsByParty = new Map<string, string[]>();
  private readonly tariffsByImposer = new Map<string, string[]>();
  private readonly tariffsByTarget = new Map<string, string[]>();
  private readonly tariffsByAgreement = new Map<string, string[]>();
  /** Histories, ordered on first request (most tariffs and agreements are never asked for theirs). */
  private readonly tariffHistoryCache = new Map<string, ObservedTariffChange[]>();
  private readonly agreementHistoryCache = new Map<string, ObservedAgreementStatusChange[]>();
  /**
   * Full text and entity names, for `search` and the article list's `text` filter: built on
   * first use or by {@link MemoryStore.prepareSearch}, in slices that leave the event loop free,
   * so loading a corpus never waits for it.
   */
  private searchIndex: Promise<SearchIndex> | undefined;
  private readonly coMentions: CoMentions;
  private readonly timeline: MentionTimeline;

  /** Builds every index over a corpus that has already passed validation. */
  constructor(corpus: CorpusRecord) {
    this.corpus = corpus;
    this.version = `${Date.now().toString(36)}.${++loads}`;

    for (const a of corpus.articles) {
      this.articles.set(a.id, a);
      this.articleKeys.set(a.id, [a.publishedAt ? Date.parse(a.publishedAt) : null, a.id]);
    }
    const byKey = (x: string, y: string) => compareArticleKeys(this.articleKeys.get(x)!, this.articleKeys.get(y)!);
    this.articleOrder = corpus.articles.map((a) => a.id).sort(byKey);

    // Walk articles newest first so every per-entity list comes out already sorted.
    for (const id of this.articleOrder) {
      const entities = articleEntities(this.articles.get(id)!.mentions);
      this.entities.set(id, entities);
      for (const kind of ENTITY_KINDS) {
        for (const entityId of entitiesOfKind(entities, kind)) push(this.articlesByEntity, `${kind}:${entityId}`, id);
      }
    }

    this.records = Object.fromEntries(
      ENTITY_KINDS.map((kind) => {
        const spec = kindSpec(kind);
        return [kind, new Map(recordsOf(corpus, kind).map((r) => [spec.key(r), r]))];
      }),
    ) as MemoryStore["records"];

    for (const p of corpus.people) {
      for (const r of p.roles) if (r.current && r.country) pushOnce(this.leaders, r.country, p.id);
    }
    for (const kind of ENTITY_KINDS) this.indexNames(kind, corpus);

    this.countryOrder = [...corpus.countries].sort((x, y) => x.name.localeCompare(y.name, "en")).map((c) => c.code);

    for (const a of corpus.agreements) for (const code of a.parties) pushOnce(this.agreementsByParty, code, a.id);

    for (const t of corpus.tariffs) {
      push(this.tariffsByImposer, t.imposedBy, t.id);
      push(this.tariffsByTarget, t.appliesTo, t.id);
      if (t.agreementId) push(this.tariffsByAgreement, t.agreementId, t.id);
    }

    const mentions = {
      articlesMentioning: (key: string) => this.articlesByEntity.get(key) ?? [],
      entitiesOf: (articleId: string) => this.entities.get(articleId)!,
      publishedMs: (articleId: string) => this.articleKeys.get(articleId)![0],
    };
    this.coMentions = new CoMentions(mentions);
    this.timeline = new MentionTimeline(mentions);
  }

  /** Builds the search index now (it is otherwise built by the first search); resolves when it is ready. */
  async prepareSearch(): Promise<void> {
    await this.search_();
  }

  async recordsByKey<K extends EntityKind>(kind: K, keys: readonly string[]): Promise<(EntityRecordOf[K] | null)[]> {
    const records = this.records[kind] as Map<string, EntityRecordOf[K]>;
    return keys.map((key) => records.get(key) ?? null);
  }

  async tariffHistories(ids: readonly string[]) {
    return ids.map((id) => {
      const tariff = this.records.TARIFF.get(id);
      if (tariff === undefined) return [];
      let history = this.tariffHistoryCache.get(id);
      if (history === undefined) this.tariffHistoryCache.set(id, (history = tariffHistory(tariff, (a) => this.publishedAt(a))));
      return history;
    });
  }
  async agreementHistories(ids: readonly string[]) {
    return ids.map((id) => {
      const agreement = this.records.AGREEMENT.get(id);
      if (agreement === undefined) return [];
      let history = this.agreementHistoryCache.get(id);
      if (history === undefined) this.agreementHistoryCache.set(id, (history = agreementHistory(agreement, (a) => this.publishedAt(a))));
      return history;
    });
  }

  // Private: an article's publication time as the corpus writes it, for ordering histories.
  private publishedAt(articleId: string): string | null {
    return this.articles.get(articleId)?.publishedAt ?? null;
  }

  async articlesById(ids: readonly string[]) {
    return ids.map((id) => this.articles.get(id) ?? null);
  }
  async peopleById(ids: readonly string[]) {
    return this.recordsByKey("PERSON", ids);
  }
  async countriesByCode(codes: readonly string[]) {
    return this.recordsByKey("COUNTRY", codes);
  }
  async agreementsById(ids: readonly string[]) {
    return this.recordsByKey("AGREEMENT", ids);
  }
  async tariffsById(ids: readonly string[]) {
    return this.recordsByKey("TARIFF", ids);
  }
  async entitiesOfArticles(articleIds: readonly string[]) {
    return articleIds.map((id) => this.entities.get(id) ?? null);
  }
  async leadersOfCountries(codes: readonly string[]) {
    return codes.map((code) => this.leaders.get(code) ?? []);
  }
  async agreementsOfCountries(codes: readonly string[]) {
    return codes.map((code) => this.agreementsByParty.get(code) ?? []);
  }
  async tariffsImposedBy(codes: readonly string[]) {
    return codes.map((code) => this.tariffsByImposer.get(code) ?? []);
  }
  async tariffsFacedBy(codes: readonly string[]) {
    return codes.map((code) => this.tariffsByTarget.get(code) ?? []);
  }
  async tariffsOfAgreements(agreementIds: readonly string[]) {
    return agreementIds.map((id) => this.tariffsByAgreement.get(id) ?? []);
  }

  async articlesOfEntities(keys: readonly EntityArticlesKey[]): Promise<Page[]> {
    return keys.map((k) => this.articlePage(this.articlesByEntity.get(`${k.type}:${k.id}`) ?? [], k));
  }

  async listArticles(filter: ArticleFilterInput, page: PageRequest): Promise<Page> {
    // Start from the narrowest entity list; the others are checked per candidate.
    const constraints = entityConstraints(filter);
    const lists = constraints.map(([type, id]) => this.articlesByEntity.get(`${type}:${id}`) ?? []);
    let candidates = lists.length === 0 ? this.articleOrder : lists.reduce((a, b) => (b.length < a.length ? b : a));

    // Lists are newest first, so a date range is one contiguous slice.
    const after = filter.publishedAfter != null ? Date.parse(filter.publishedAfter) : null;
    const before = filter.publishedBefore != null ? Date.parse(filter.publishedBefore) : null;
    if (after !== null || before !== null) {
      const ms = (id: string) => this.articleKeys.get(id)![0];
      // Undated articles sit at the end and never match a date filter.
      const from = before === null ? 0 : firstIndex(candidates, (id) => ms(id) === null || ms(id)! <= before);
      const to = firstIndex(candidates, (id) => ms(id) === null || (after !== null && ms(id)! < after));
      candidates = candidates.slice(from, Math.max(from, to));
    }
    const text = filter.text != null ? (await this.search_()).articleMatcher(filter.text) : null;
    if (text) candidates = candidates.filter(text);
    if (constraints.length > 1) {
      candidates = candidates.filter((id) => {
        const e = this.entities.get(id)!;
        return constraints.every(([kind, entityId]) => entitiesOfKind(e, kind).includes(entityId));
      });
    }
    return this.articlePage(candidates, page);
  }

  async listByName(kind: EntityKind, filter: NameListFilter, page: PageRequest): Promise<Page> {
    const list = KINDS[kind].nameList;
    const order = this.nameOrders.get(kind);
    if (!list || !order) throw new Error(`${KINDS[kind].typeName} records are not listed by name`);
    const needle = filter.name ? foldText(filter.name) : "";
    const category = filter.category ?? null;
    const matches =
      needle || category !== null
        ? order.filter((r) => (!needle || r.folded.some((n) => n.includes(needle))) && (category === null || r.category === category))
        : order;
    const start =
      page.after == null ? 0 : firstIndex(matches, (r) => compareNameKeys(r.key, decodeCursor(list.cursorTag, page.after!)) > 0);
    const slice = matches.slice(start, start + page.first);
    return {
      ids: slice.map((r) => r.id),
      cursors: slice.map((r) => encodeCursor(list.cursorTag, r.key)),
      totalCount: matches.length,
      hasNextPage: start + page.first < matches.length,
      hasPreviousPage: start > 0,
    };
  }

  async listPeople(name: string | null | undefined, page: PageRequest): Promise<Page> {
    return this.listByName("PERSON", { name }, page);
  }

  async listCountries() {
    return this.countryOrder;
  }

  async listAgreements(partyCode: string | null | undefined, kind: string | null | undefined) {
    const agreements = this.records.AGREEMENT;
    const ids = partyCode != null ? (this.agreementsByParty.get(partyCode) ?? []) : [...agreements.keys()];
    return kind != null ? ids.filter((id) => agreements.get(id)!.kind === kind) : ids;
  }

  async listTariffs(filter: TariffFilterInput) {
    const product = filter.product ? foldText(filter.product) : null;
    return [...this.records.TARIFF.values()]
      .filter(
        (t) =>
          (filter.imposedBy == null || t.imposedBy === filter.imposedBy) &&
          (filter.appliesTo == null || t.appliesTo === filter.appliesTo) &&
          (product === null || foldText(t.product).includes(product)),
      )
      .map((t) => t.id);
  }

  async search(request: SearchRequest) {
    return (await this.search_()).search(request);
  }

  async relatedEntities(keys: readonly RelatedKey[]) {
    return keys.map((key) => this.coMentions.related(key));
  }

  async timelines(keys: readonly TimelineKey[]) {
    return keys.map((key) => this.timeline.points(key));
  }

  // Private: sorts a kind's records by name, when the kinds table lists it by name.
  private indexNames<K extends EntityKind>(kind: K, corpus: CorpusRecord): void {
    const spec = kindSpec(kind);
    const list = spec.nameList;
    if (!list) return;
    const countries = this.records.COUNTRY;
    const named = recordsOf(corpus, kind).map((record): NamedRecord => {
      const id = spec.key(record);
      const names = spec.names(record, countries);
      const category = list.category === undefined ? null : (record as Record<string, unknown>)[list.category];
      return { id, key: [foldText(names[0]!), id], folded: names.map(foldText), category: typeof category === "string" ? category : null };
    });
    this.nameOrders.set(
      kind,
      named.sort((x, y) => compareNameKeys(x.key, y.key)),
    );
  }

  // Private: the search index, started on first call.
  private search_(): Promise<SearchIndex> {
    this.searchIndex ??= SearchIndex.build(this.corpus, this.articleOrder);
    return this.searchIndex;
  }

  // Private: one page of a newest-first id list, seeking past the cursor by binary search.
  private articlePage(ids: readonly string[], page: PageRequest): Page {
    const key = (id: string) => this.articleKeys.get(id)!;
    const start = page.after == null ? 0 : firstIndex(ids, (id) => compareArticleKeys(key(id), decodeCursor("a", page.after!)) > 0);
    const slice = ids.slice(start, start + page.first);
    return {
      ids: slice,
      cursors: slice.map((id) => encodeCursor("a", key(id))),
      totalCount: ids.length,
      hasNextPage: start + page.first < ids.length,
      hasPreviousPage: start > 0,
    };
  }
}

/** A record in a list by name. */
interface NamedRecord {
  id: string;
  key: NameSortKey;
  /** foldText of every name, the main one first. */
  folded: string[];
  /** Its value of the list's category field, if it has one. */
  category: string | null;
}

// Private: the first index whose item satisfies a predicate that is false, then true, along the list.
function firstIndex<T>(items: readonly T[], isPast: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isPast(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Private: appends to a multimap.
function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Private: appends to a multimap unless the value is already there.
function pushOnce(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
