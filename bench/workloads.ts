// The benchmark's workloads: the five requests a news site and a gateway send most, with their
// inputs chosen from the corpus being served (read as a stream, so a 1M-article corpus costs the
// harness no more memory than a small one). Each is sent as the exact same POST body everywhere.
import { readCorpusEntries } from "../src/corpus/records.js";
import type { ArticleRecord, CountryRecord, PersonRecord } from "../src/corpus/format.js";

/** One benchmark request. */
export interface Workload {
  /** Short key used in results.json, e.g. `article-page`. */
  name: string;
  /** What it stands for, for the table. */
  title: string;
  /** The POST body: `{"query": …, "variables": …}` as sent (for a drawn workload, the draw every target's answer is checked on). */
  body: string;
  /**
   * For a workload whose requests differ each time: returns a fresh body, drawn with `random`
   * (a function like Math.random). The ceiling, which replays recorded answers, cannot serve these.
   */
  draw?: (random: () => number) => string;
}

/** How many representations the router workload sends per request, at least and at most. */
export const ROUTER_REPRESENTATIONS = { min: 20, max: 100 } as const;

/** The article page: one article with everything a reader sees beside the text. */
export const ARTICLE_PAGE = /* GraphQL */ `query ArticlePage($id: ID!) {
  article(id: $id) {
    id headline lead body dateline publishedAt source copyright
    people { id name description nationality { code name } roles { title current start end country { code name } } }
    countries { code name aliases }
    agreements { id name kind concluded summary parties { code name } commitments { description amount { amount currency } sectors party { code name } } }
    tariffs { id product ratePercent previousRatePercent imposedBy { code name } appliesTo { code name } agreement { id name } }
    mentions { text start end entity { __typename ... on Person { id } ... on Country { code } ... on Agreement { id } ... on Tariff { id } } }
  }
}`;

/** A list page: the ten newest articles as teasers. */
export const LIST_PAGE = /* GraphQL */ `query ListPage {
  articles(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id headline lead publishedAt source people { id name } countries { code name } } }
  }
}`;

/** An entity page: a person with their twenty newest articles. */
export const PERSON_PAGE = /* GraphQL */ `query PersonPage($id: ID!) {
  person(id: $id) {
    id name aliases description
    nationality { code name }
    roles { title current start end country { code name } }
    articles(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id headline lead publishedAt countries { code name } }
    }
  }
}`;

/** What a gateway sends: many representations of every entity type, resolved in one request. */
export const ENTITIES = /* GraphQL */ `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Article { id headline publishedAt }
    ... on Person { id name nationality { code } }
    ... on Country { code name }
    ... on Agreement { id name kind }
    ... on Tariff { id product ratePercent }
  }
}`;

/** A search-style list: articles about one country within a date range. */
export const FILTERED_LIST = /* GraphQL */ `query FilteredList($country: String!, $after: DateTime!) {
  articles(first: 10, filter: { countryCode: $country, publishedAfter: $after }) {
    totalCount
    edges { node { id headline publishedAt people { id name } } }
  }
}`;

/** How many of the first articles are candidates for the article page (the same in every corpus size). */
const ARTICLE_CANDIDATES = 1000;

/** How many entities past the candidate articles the router workload's pool takes (people, countries, agreements, tariffs). */
const POOL_SIZE = ARTICLE_CANDIDATES + 1000;

/**
 * Given a corpus file, returns the five workloads with inputs drawn from it: the richest of the
 * first articles, the most-mentioned person, 100 mixed representations, and the most-mentioned
 * country since the median publication date of the first articles.
 */
export async function pickWorkloads(corpusFile: string): Promise<Workload[]> {
  let richest: { id: string; score: number } | null = null;
  const personArticles = new Map<string, number>();
  const countryArticles = new Map<string, number>();
  const dates: string[] = [];
  const ids = { Article: [] as string[], Person: [] as string[], Country: [] as string[], Agreement: [] as string[], Tariff: [] as string[] };
  // The router workload's pool: every entity of the first articles' size, as a router meets them.
  const pool: Record<string, string>[] = [];

  for await (const entry of readCorpusEntries(corpusFile)) {
    if (entry.kind !== "item") continue;
    if (entry.key === "articles") {
      const a = entry.value as ArticleRecord;
      const seen = new Set<string>();
      for (const m of a.mentions) {
        if (seen.has(m.entityType + m.entityId)) continue;
        seen.add(m.entityType + m.entityId);
        if (m.entityType === "PERSON") personArticles.set(m.entityId, (personArticles.get(m.entityId) ?? 0) + 1);
        if (m.entityType === "COUNTRY") countryArticles.set(m.entityId, (countryArticles.get(m.entityId) ?? 0) + 1);
      }
      if (entry.index < ARTICLE_CANDIDATES) {
        const score = seen.size + a.mentions.length / 100;
        if (!richest || score > richest.score) richest = { id: a.id, score };
        if (a.publishedAt) dates.push(a.publishedAt);
        if (ids.Article.length < 40) ids.Article.push(a.id);
        pool.push({ __typename: "Article", id: a.id });
      }
    } else if (entry.key === "people") {
      const id = (entry.value as PersonRecord).id;
      if (ids.Person.length < 30) ids.Person.push(id);
      if (pool.length < POOL_SIZE) pool.push({ __typename: "Person", id });
    } else if (entry.key === "countries") {
      const code = (entry.value as CountryRecord).code;
      if (ids.Country.length < 10) ids.Country.push(code);
      if (pool.length < POOL_SIZE) pool.push({ __typename: "Country", code });
    } else if (entry.key === "agreements" || entry.key === "tariffs") {
      const id = (entry.value as { id: string }).id;
      const list = entry.key === "agreements" ? ids.Agreement : ids.Tariff;
      if (list.length < 10) list.push(id);
      if (pool.length < POOL_SIZE) pool.push({ __typename: entry.key === "agreements" ? "Agreement" : "Tariff", id });
    }
  }
  if (!richest) throw new Error(`${corpusFile} has no articles to benchmark`);

  // Interleave the types, as a gateway's representations arrive from many parent fields.
  const representations: Record<string, string>[] = [];
  for (let i = 0; representations.length < 100 && i < 100; i++) {
    for (const [type, list] of Object.entries(ids)) {
      const id = list[i];
      if (id !== undefined && representations.length < 100) {
        representations.push(type === "Country" ? { __typename: type, code: id } : { __typename: type, id });
      }
    }
  }
  const mostMentioned = (counts: Map<string, number>) => [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
  dates.sort();
  const median = new Date(dates[Math.floor(dates.length / 2)] ?? "2024-01-01T00:00:00Z").toISOString();

  const workload = (name: string, title: string, query: string, variables?: Record<string, unknown>): Workload => ({
    name,
    title,
    body: JSON.stringify(variables ? { query, variables } : { query }),
  });
  return [
    workload("article-page", "article page", ARTICLE_PAGE, { id: richest.id }),
    workload("list-page", "10-article list page", LIST_PAGE),
    workload("person-page", "person with 20 articles", PERSON_PAGE, { id: mostMentioned(personArticles) }),
    workload("entities", "_entities, 100 representations", ENTITIES, { representations }),
    workload("filtered-list", "country + date filter", FILTERED_LIST, { country: mostMentioned(countryArticles), after: median }),
    routerWorkload(pool),
  ];
}

/**
 * Given the pool of entities, returns the router workload: `_entities` with 20–100
 * representations drawn at random from the pool for every request, as a router resolving
 * entities for many different parent lists sends them; the whole-response cache rarely sees a
 * body twice. Its checked body is a fixed draw (seeded), so every target answers the same one.
 */
function routerWorkload(pool: Record<string, string>[]): Workload {
  const draw = (random: () => number) => {
    const { min, max } = ROUTER_REPRESENTATIONS;
    const n = min + Math.floor(random() * (max - min + 1));
    const representations = Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]!);
    return JSON.stringify({ query: ENTITIES, variables: { representations } });
  };
  return { name: "router-entities", title: `router: _entities, ${ROUTER_REPRESENTATIONS.min}–${ROUTER_REPRESENTATIONS.max} random representations`, body: draw(seeded(17)), draw };
}

// Private: a small deterministic random source (mulberry32), so the checked draw is the same in every run.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
