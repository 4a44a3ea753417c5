// The news subgraph inside a real supergraph: both subgraphs and @apollo/gateway on ephemeral
// ports, queried the way a client queries the gateway. Checks answers that cross the subgraphs
// both ways, and that the gateway's entity fetches reach this subgraph batched.
import { beforeAll, describe, expect, it } from "vitest";
import { onCleanup } from "./cleanup.js";
import type { ReaderData, ReadingListItemRecord } from "../examples/reader/data.js";
import { readingTimeMinutes } from "../examples/reader/readingTime.js";
import { startReaderServer } from "../examples/reader/server.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { generateCorpus } from "../tools/generate/generate.js";
import { composeSupergraph } from "../tools/gateway/compose.js";
import type { SubgraphRequest } from "../tools/gateway/ReplicaDataSource.js";
import { startGateway } from "../tools/gateway/startGateway.js";
import { shippedSubgraphs } from "../tools/gateway/subgraphs.js";
import { alpha3FromAlpha2 } from "../src/corpus/iso3166.js";
import { countWords } from "../src/text/words.js";
import { startTestServer, type GraphQLAnswer, type TestServer } from "./harness.js";

/** Reading lists of these sizes (items per kind of subject) are compared for batching. */
const SMALL = 1;
const LARGE = 30;

let corpus: CorpusRecord;
let readerData: ReaderData;
let news: TestServer;
let gatewayUrl: string;
/** Every request the gateway sent to a subgraph since the last reset, in order. */
const sent: { subgraph: string; request: SubgraphRequest; url: string }[] = [];

beforeAll(async () => {
  corpus = generateCorpus({ articles: 60, seed: 11 });
  readerData = readerDataFor(corpus);
  // Without its answer caches (whole answers, and entities below them): this file counts the loaders' batches.
  news = await startTestServer(corpus, { responseCache: false });
  const reader = await startReaderServer({ data: readerData });
  onCleanup(() => reader.stop());
  const { supergraphSdl } = composeSupergraph(await shippedSubgraphs());
  // The news subgraph under two names for the same server: two "replicas", so the test also
  // sees the gateway spread requests over a subgraph's URLs.
  const newsReplicas = [news.url, news.url.replace("127.0.0.1", "localhost")];
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: { news: newsReplicas, reader: [reader.url] },
    onSubgraphRequest: (subgraph, request, url) => sent.push({ subgraph, request, url }),
  });
  onCleanup(() => gateway.stop());
  gatewayUrl = gateway.url;
});

/** POSTs one operation to the gateway and returns the parsed answer. */
async function query<T = any>(document: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T> & { extensions?: any }> {
  const res = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: document, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Clears the logs of subgraph requests and news loader batches. */
function resetLogs() {
  sent.splice(0);
  news.resetBatches();
}

/** The `_entities` requests the gateway sent to the news subgraph since the last reset. */
function newsEntityFetches() {
  return sent.filter((s) => s.subgraph === "news" && s.request.query?.includes("_entities"));
}

const LIST_ITEMS = `query($id: ID!) {
  readingList(id: $id) {
    title
    items {
      note
      subject {
        __typename
        ... on Article { id headline source }
        ... on Person { id name }
        ... on Country { code alpha3 name }
      }
    }
  }
}`;

describe("reader → news: a reading list's items completed by the news subgraph", () => {
  it("answers each item with the news subgraph's fields, countries found by their alpha-3 key", async () => {
    const res = await query(LIST_ITEMS, { id: "large" });
    expect(res.errors).toBeUndefined();
    const list = readerData.readingLists.find((l) => l.id === "large")!;
    expect(res.data.readingList.items).toEqual(list.items.map((item) => ({ note: item.note ?? null, subject: expectedSubject(item) })));
  });

  it("returns null for a list the reader subgraph does not have", async () => {
    const res = await query(LIST_ITEMS, { id: "no-such-list" });
    expect(res).toMatchObject({ status: 200, data: { readingList: null } });
    expect(res.errors).toBeUndefined();
  });
});

describe("news → reader: news entities completed by the reader subgraph", () => {
  it("adds bookmark counts and reading times (from the @inaccessible wordCount) to articles", async () => {
    const res = await query(`{ articles(first: 50) { nodes { id bookmarkCount readingTimeMinutes } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.articles.nodes as { id: string; bookmarkCount: number; readingTimeMinutes: number }[];
    expect(nodes).toHaveLength(50);
    const bodies = new Map(corpus.articles.map((a) => [a.id, a.body]));
    for (const node of nodes) {
      expect(node.bookmarkCount, node.id).toBe(readerData.bookmarks.filter((b) => b.articleId === node.id).length);
      expect(node.readingTimeMinutes, node.id).toBe(readingTimeMinutes(countWords(bodies.get(node.id)!)));
    }
    // Somebody bookmarked some of them, or the counts above prove little.
    expect(nodes.some((n) => n.bookmarkCount > 0)).toBe(true);
  });

  it("adds travel advisories to countries, joined on the alpha-3 key the reader data uses", async () => {
    const res = await query(`{ countries { code travelAdvisory { level summary } } }`);
    expect(res.errors).toBeUndefined();
    const advisories = new Map(readerData.travelAdvisories.map((a) => [a.alpha3, a]));
    const countries = res.data.countries as { code: string; travelAdvisory: { level: number; summary: string } | null }[];
    expect(countries).toHaveLength(corpus.countries.length);
    for (const country of countries) {
      const advisory = advisories.get(alpha3FromAlpha2(country.code) ?? "");
      expect(country.travelAdvisory, country.code).toEqual(advisory ? { level: advisory.level, summary: advisory.summary } : null);
    }
    expect(countries.filter((c) => c.travelAdvisory !== null)).toHaveLength(readerData.travelAdvisories.length);
  });

  it("hides the @inaccessible wordCount from clients", async () => {
    const res = await query(`{ articles(first: 1) { nodes { wordCount } } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.message).toContain('Cannot query field "wordCount" on type "Article"');
  });
});

describe("batching of the gateway's entity fetches to the news subgraph", () => {
  // Lists no other test asks for, so each one's entities are new to the request's loaders.
  it.each([
    ["batch-small", SMALL],
    ["batch-large", LARGE],
  ])("completes the list %s (%i of each kind) with one _entities request, one batch per entity type", async (id, perKind) => {
    resetLogs();
    const res = await query(LIST_ITEMS, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data.readingList.items).toHaveLength(3 * perKind);

    const fetches = newsEntityFetches();
    expect(fetches).toHaveLength(1);
    const representations = fetches[0]!.request.variables?.representations as { __typename: string }[];
    expect(representations).toHaveLength(3 * perKind);

    // Inside that one request, each entity type is one batch call of its loader, with every key.
    const entityBatches = news.batches.filter((b) => ["article", "person", "country"].includes(b.loader));
    expect(entityBatches.sort((a, b) => a.loader.localeCompare(b.loader))).toEqual([
      { loader: "article", size: perKind },
      { loader: "country", size: perKind },
      { loader: "person", size: perKind },
    ]);
  });

  it("adds reader fields to 50 articles with one fetch to each subgraph per step of the plan", async () => {
    resetLogs();
    const res = await query(`{ articles(first: 50) { nodes { headline bookmarkCount readingTimeMinutes } } }`);
    expect(res.errors).toBeUndefined();
    // news: the page (with each article's wordCount); reader: one _entities request for all 50.
    expect(sent.map((s) => s.subgraph)).toEqual(["news", "reader"]);
    expect(sent[1]!.request.variables?.representations).toHaveLength(50);
  });

  it("spreads requests over the news subgraph's replica URLs in turn", async () => {
    resetLogs();
    for (let i = 0; i < 4; i++) expect((await query(`{ countries { code } }`)).errors).toBeUndefined();
    const urls = sent.filter((s) => s.subgraph === "news").map((s) => s.url);
    expect(urls).toHaveLength(4);
    expect(new Set(urls).size).toBe(2);
    expect(urls[0]).not.toBe(urls[1]);
    expect(urls[0]).toBe(urls[2]);
  });
});

describe("references to entities the news subgraph does not know", () => {
  it("resolve to null without failing the rest of the answer", async () => {
    const res = await query(`query($reader: String!) { bookmarks(reader: $reader) { id article { id headline lead } } }`, { reader: "dana" });
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const mine = readerData.bookmarks.filter((b) => b.reader === "dana");
    const known = new Map(corpus.articles.map((a) => [a.id, a]));
    expect(res.data.bookmarks).toHaveLength(mine.length);
    for (const bookmark of res.data.bookmarks as { id: string; article: { id: string; lead: string } | null }[]) {
      const record = known.get(mine.find((b) => b.id === bookmark.id)!.articleId);
      expect(bookmark.article, bookmark.id).toEqual(record ? { id: record.id, headline: record.headline ?? null, lead: record.lead } : null);
    }
    expect(res.data.bookmarks.filter((b: { article: unknown }) => b.article === null)).toHaveLength(1);
  });
});

// Private: what the gateway should answer for one reading-list item, from the corpus.
function expectedSubject(item: ReadingListItemRecord) {
  const { subject } = item;
  if (subject.type === "Article") {
    const article = corpus.articles.find((a) => a.id === subject.id)!;
    return { __typename: "Article", id: article.id, headline: article.headline ?? null, source: article.source };
  }
  if (subject.type === "Person") {
    const person = corpus.people.find((p) => p.id === subject.id)!;
    return { __typename: "Person", id: person.id, name: person.name };
  }
  const country = corpus.countries.find((c) => alpha3FromAlpha2(c.code) === subject.alpha3)!;
  return { __typename: "Country", code: country.code, alpha3: subject.alpha3, name: country.name };
}

// Private: reader data over a generated corpus: reading lists that follow articles, people and
// countries (`large` for answers, `batch-*` for the batching tests, on other subjects); bookmarks
// on some articles (one on an article the news subgraph does not have); some advisories.
function readerDataFor(corpus: CorpusRecord): ReaderData {
  const countries = corpus.countries.filter((c) => alpha3FromAlpha2(c.code) !== null);
  const list = (id: string, n: number, from: number, createdAt: string) => ({
    id,
    title: `${n} of each`,
    owner: "dana",
    createdAt,
    items: Array.from({ length: n }, (_, i): ReadingListItemRecord[] => [
      { subject: { type: "Article", id: corpus.articles[from + i]!.id }, addedAt: "2025-10-03T00:00:00Z", note: `article ${from + i}` },
      { subject: { type: "Person", id: corpus.people[(from + i) * 7]!.id }, addedAt: "2025-10-03T00:00:00Z" },
      { subject: { type: "Country", alpha3: alpha3FromAlpha2(countries[(from + i) * 3]!.code)! }, addedAt: "2025-10-03T00:00:00Z" },
    ]).flat(),
  });
  const bookmarks = corpus.articles.slice(0, 20).flatMap((article, i) =>
    Array.from({ length: i % 4 }, (_, j) => ({ id: `bm-${i}-${j}`, reader: j === 0 ? "dana" : `reader-${j}`, articleId: article.id, savedAt: `2025-10-${String(10 + j).padStart(2, "0")}T00:00:00Z` })),
  );
  bookmarks.push({ id: "bm-withdrawn", reader: "dana", articleId: "no-such-article", savedAt: "2025-09-01T00:00:00Z" });
  return {
    readingLists: [
      list("large", LARGE, 0, "2025-10-01T00:00:00Z"),
      list("batch-small", SMALL, LARGE, "2025-10-02T00:00:00Z"),
      list("batch-large", LARGE, LARGE, "2025-10-03T00:00:00Z"),
    ],
    bookmarks,
    travelAdvisories: countries.filter((_, i) => i % 5 === 0).map((c, i) => ({
      alpha3: alpha3FromAlpha2(c.code)!,
      level: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      summary: `Advisory ${i}`,
      updatedAt: "2025-06-01T00:00:00Z",
    })),
  };
}
