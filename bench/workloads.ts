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
  /** The POST body: `{"query": …, "variables": …}` as sent. */
  body: string;
}

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
      }
    } else if (entry.key === "people" && ids.Person.length < 30) ids.Person.push((entry.value as PersonRecord).id);
    else if (entry.key === "countries" && ids.Country.length < 10) ids.Country.push((entry.value as CountryRecord).code);
    else if (entry.key === "agreements" && ids.Agreement.length < 10) ids.Agreement.push((entry.value as { id: string }).id);
    else if (entry.key === "tariffs" && ids.Tariff.length < 10) ids.Tariff.push((entry.value as { id: string }).id);
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
  ];
}
