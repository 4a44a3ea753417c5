// The default store: the validated corpus held in memory, with every index the loaders need
// built once at construction, so each lookup is a map read or a binary search.
import type { ArticleRecord, CorpusRecord, EntityType, PersonRecord } from "../corpus/format.js";
import { foldText } from "../text/fold.js";
import { agreementHistory, type ObservedAgreementStatusChange } from "../corpus/agreementHistory.js";
import { tariffHistory, type ObservedTariffChange } from "../corpus/tariffHistory.js";
import {
  compareArticleKeys,
  comparePersonKeys,
  decodeCursor,
  encodeCursor,
  type ArticleSortKey,
  type PersonSortKey,
} from "./cursor.js";
import type {
  ArticleEntities,
  ArticleFilterInput,
  EntityArticlesKey,
  Page,
  PageRequest,
  RelatedKey,
  SearchRequest,
  Store,
  TariffFilterInput,
  TimelineKey,
} from "./Store.js";
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
  private readonly people = new Map<string, PersonRecord>();
  private readonly peopleOrder: { id: string; key: PersonSortKey; folded: string[] }[];
  private readonly countries;
  private readonly countryOrder: string[];
  private readonly agreements;
  private readonly tariffs;
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
      const article = this.articles.get(id)!;
      const mentions = [...article.mentions].sort((x, y) => x.start - y.start || x.end - y.end);
      const lists: Record<EntityType, string[]> = { PERSON: [], COUNTRY: [], AGREEMENT: [], TARIFF: [] };
      for (const m of mentions) {
        const list = lists[m.entityType];
        if (!list.includes(m.entityId)) list.push(m.entityId);
      }
      this.entities.set(id, {
        people: lists.PERSON,
        countries: lists.COUNTRY,
        agreements: lists.AGREEMENT,
        tariffs: lists.TARIFF,
        mentions,
      });
      for (const type of Object.keys(lists) as EntityType[]) {
        for (const entityId of lists[type]) push(this.articlesByEntity, `${type}:${entityId}`, id);
      }
    }

    for (const p of corpus.people) {
      this.people.set(p.id, p);
      for (const r of p.roles) if (r.current && r.country) pushOnce(this.leaders, r.country, p.id);
    }
    this.peopleOrder = corpus.people
      .map((p) => ({ id: p.id, key: [foldText(p.name), p.id] as PersonSortKey, folded: [p.name, ...p.aliases].map(foldText) }))
      .sort((x, y) => comparePersonKeys(x.key, y.key));

    this.countries = new Map(corpus.countries.map((c) => [c.code, c]));
    this.countryOrder = [...corpus.countries].sort((x, y) => x.name.localeCompare(y.name, "en")).map((c) => c.code);

    this.agreements = new Map(corpus.agreements.map((a) => [a.id, a]));
    for (const a of corpus.agreements) for (const code of a.parties) pushOnce(this.agreementsByParty, code, a.id);

    this.tariffs = new Map(corpus.tariffs.map((t) => [t.id, t]));
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

  async tariffHistories(ids: readonly string[]) {
    return ids.map((id) => {
      const tariff = this.tariffs.get(id);
      if (tariff === undefined) return [];
      let history = this.tariffHistoryCache.get(id);
      if (history === undefined) this.tariffHistoryCache.set(id, (history = tariffHistory(tariff, (a) => this.publishedAt(a))));
      return history;
    });
  }
  async agreementHistories(ids: readonly string[]) {
    return ids.map((id) => {
      const agreement = this.agreements.get(id);
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
    return ids.map((id) => this.people.get(id) ?? null);
  }
  async countriesByCode(codes: readonly string[]) {
    return codes.map((code) => this.countries.get(code) ?? null);
  }
  async agreementsById(ids: readonly string[]) {
    return ids.map((id) => this.agreements.get(id) ?? null);
  }
  async tariffsById(ids: readonly string[]) {
    return ids.map((id) => this.tariffs.get(id) ?? null);
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
    const constraints: [EntityType, string][] = [];
    if (filter.personId != null) constraints.push(["PERSON", filter.personId]);
    if (filter.countryCode != null) constraints.push(["COUNTRY", filter.countryCode]);
    if (filter.agreementId != null) constraints.push(["AGREEMENT", filter.agreementId]);
    if (filter.tariffId != null) constraints.push(["TARIFF", filter.tariffId]);
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
        return constraints.every(([type, entityId]) => listOf(e, type).includes(entityId));
      });
    }
    return this.articlePage(candidates, page);
  }

  async listPeople(name: string | null | undefined, page: PageRequest): Promise<Page> {
    const needle = name ? foldText(name) : "";
    const matches = needle ? this.peopleOrder.filter((p) => p.folded.some((n) => n.includes(needle))) : this.peopleOrder;
    const start = page.after == null ? 0 : firstIndex(matches, (p) => comparePersonKeys(p.key, decodeCursor("p", page.after!)) > 0);
    const slice = matches.slice(start, start + page.first);
    return {
      ids: slice.map((p) => p.id),
      cursors: slice.map((p) => encodeCursor("p", p.key)),
      totalCount: matches.length,
      hasNextPage: start + page.first < matches.length,
      hasPreviousPage: start > 0,
    };
  }

  async listCountries() {
    return this.countryOrder;
  }

  async listAgreements(partyCode: string | null | undefined, kind: string | null | undefined) {
    const ids = partyCode != null ? (this.agreementsByParty.get(partyCode) ?? []) : [...this.agreements.keys()];
    return kind != null ? ids.filter((id) => this.agreements.get(id)!.kind === kind) : ids;
  }

  async listTariffs(filter: TariffFilterInput) {
    const product = filter.product ? foldText(filter.product) : null;
    return [...this.tariffs.values()]
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

// Private: the id list of one entity type in an article's entities.
function listOf(e: ArticleEntities, type: EntityType): string[] {
  return type === "PERSON" ? e.people : type === "COUNTRY" ? e.countries : type === "AGREEMENT" ? e.agreements : e.tariffs;
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
