// Entity pages and filtered lists, through real GraphQL over HTTP on a generated corpus: the
// "related" panel, timelines for charts, and the article list's full-text filter. Every
// expectation is counted from the corpus here (tests/textOracle.ts), not taken from the service.
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import type { ArticleRecord, CorpusRecord } from "../src/corpus/format.js";
import { startTestServer, type TestServer } from "./harness.js";
import { entityKeysOf, newestFirst, wordsOf } from "./textOracle.js";

let api: TestServer;
let corpus: CorpusRecord;
/** `TYPE:id` → ids of the articles mentioning it. */
const mentionedIn = new Map<string, string[]>();
/** Article id → the oracle's words of its headline and body. */
const wordsIn = new Map<string, Set<string>>();

beforeAll(async () => {
  corpus = generateCorpus({ articles: 1500, seed: 23 });
  // Read once, before the server starts: long synchronous work between requests would outlast
  // the server's keep-alive and reset the client's pooled connection.
  for (const article of corpus.articles) {
    for (const key of entityKeysOf(article)) mentionedIn.set(key, [...(mentionedIn.get(key) ?? []), article.id]);
    wordsIn.set(article.id, new Set(wordsOf(`${article.headline ?? ""} ${article.body}`)));
  }
  api = await startTestServer(corpus, { maxPageSize: 1000 });
});

const ENTITY = `__typename ... on Person { id } ... on Country { id: code } ... on Agreement { id } ... on Tariff { id } ... on Organization { id }`;
const TYPE_OF: Record<string, string> = {
  Person: "PERSON",
  Country: "COUNTRY",
  Agreement: "AGREEMENT",
  Tariff: "TARIFF",
  Organization: "ORGANIZATION",
};

/** The oracle's related list: co-mention counts and their cosine, ranked as the schema documents. */
function expectedRelated(key: string) {
  const own = mentionedIn.get(key) ?? [];
  const both = new Map<string, number>();
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  for (const id of own) for (const other of entityKeysOf(byId.get(id)!)) if (other !== key) both.set(other, (both.get(other) ?? 0) + 1);
  return [...both.entries()]
    .map(([other, count]) => ({ key: other, articleCount: count, score: count / Math.sqrt(own.length * mentionedIn.get(other)!.length) }))
    .sort((x, y) => y.score - x.score || y.articleCount - x.articleCount || (x.key < y.key ? -1 : 1));
}

async function related(type: string, id: string, first: number, types?: string[]) {
  const res = await api.query(
    `query($e: EntityRef!, $first: Int, $types: [EntityType!]) { related(entity: $e, first: $first, types: $types) { articleCount score entity { ${ENTITY} } } }`,
    { e: { type, id }, first, types },
  );
  expect(res.errors).toBeUndefined();
  return (res.data.related as { articleCount: number; score: number; entity: { __typename: string; id: string } }[]).map((r) => ({
    key: `${TYPE_OF[r.entity.__typename]}:${r.entity.id}`,
    articleCount: r.articleCount,
    score: r.score,
  }));
}

describe("related", () => {
  it("ranks co-mentioned entities by articles in common over √(articles of each), as documented", async () => {
    const people = [...mentionedIn.keys()].filter((k) => k.startsWith("PERSON:") && mentionedIn.get(k)!.length >= 5).slice(0, 3);
    expect(people.length).toBeGreaterThan(0);
    for (const key of [...people, "COUNTRY:US"]) {
      const [type, id] = key.split(":") as [string, string];
      const got = await related(type, id, 15);
      const want = expectedRelated(key).slice(0, 15);
      expect(
        got.map((r) => [r.key, r.articleCount]),
        key,
      ).toEqual(want.map((r) => [r.key, r.articleCount]));
      got.forEach((r, i) => expect(r.score).toBeCloseTo(want[i]!.score, 9));
    }
  });

  it("does not let an entity mentioned everywhere top the panel", async () => {
    // The most mentioned entity of the corpus, and an entity it shares the most articles with
    // that nonetheless has a more specific companion: found in the corpus, not chosen by hand.
    const [ubiquitous] = [...mentionedIn.entries()].sort((x, y) => y[1].length - x[1].length)[0]!;
    let found = 0;
    for (const key of mentionedIn.keys()) {
      const want = expectedRelated(key);
      const mostShared = [...want].sort((x, y) => y.articleCount - x.articleCount)[0];
      if (!mostShared || mostShared.key !== ubiquitous || want[0]!.key === ubiquitous) continue;
      const [type, id] = key.split(":") as [string, string];
      const got = await related(type, id, 5);
      expect(got[0]!.key).not.toBe(ubiquitous);
      const ubiquitousRank = (await related(type, id, 1000)).findIndex((r) => r.key === ubiquitous);
      expect(ubiquitousRank, `${ubiquitous} shares the most articles with ${key} yet ranks below`).toBeGreaterThan(0);
      if (++found === 3) break;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("filters by type, takes a country code in any case, and is empty for an unknown entity", async () => {
    const onlyCountries = await related("PERSON", [...mentionedIn.keys()].find((k) => k.startsWith("PERSON:"))!.slice(7), 10, ["COUNTRY"]);
    expect(onlyCountries.length).toBeGreaterThan(0);
    expect(onlyCountries.every((r) => r.key.startsWith("COUNTRY:"))).toBe(true);
    expect(await related("COUNTRY", "us", 5)).toEqual(await related("COUNTRY", "US", 5));
    expect(await related("PERSON", "nobody-at-all", 5)).toEqual([]);
  });

  it("refuses first outside 1..the page-size limit", async () => {
    const res = await api.query(`{ related(entity: { type: COUNTRY, id: "US" }, first: 1001) { score } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", max: 1000 });
  });

  it("answers several panels with one batch", async () => {
    api.resetBatches();
    const res = await api.query(
      `{ a: related(entity: { type: COUNTRY, id: "US" }) { score } b: related(entity: { type: COUNTRY, id: "CN" }) { score } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(api.batches.filter((b) => b.loader === "related")).toEqual([{ loader: "related", size: 2 }]);
  });
});

describe("timeline", () => {
  /** The oracle's mentions and articles of an entity per UTC day. */
  function perDay(type: string, id: string) {
    const days = new Map<string, { count: number; articleCount: number }>();
    for (const a of corpus.articles) {
      const mentions = a.mentions.filter((m) => m.entityType === type && m.entityId === id).length;
      if (mentions === 0 || !a.publishedAt) continue;
      const day = new Date(a.publishedAt).toISOString().slice(0, 10);
      const cell = days.get(day) ?? { count: 0, articleCount: 0 };
      cell.count += mentions;
      cell.articleCount += 1;
      days.set(day, cell);
    }
    return days;
  }

  const TIMELINE = `query($code: String!, $from: Date, $to: Date, $interval: TimelineInterval) {
    country(code: $code) { timeline(from: $from, to: $to, interval: $interval) { date count articleCount } } }`;

  it("counts mentions per day over a range, zero days included", async () => {
    const days = perDay("COUNTRY", "US");
    const busiest = [...days.keys()].sort((x, y) => days.get(y)!.count - days.get(x)!.count)[0]!;
    const from = new Date(Date.parse(busiest) - 20 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(busiest) + 20 * 86_400_000).toISOString().slice(0, 10);
    const res = await api.query(TIMELINE, { code: "US", from, to });
    expect(res.errors).toBeUndefined();
    const points = res.data.country.timeline as { date: string; count: number; articleCount: number }[];
    expect(points).toHaveLength(41);
    expect(points[0]!.date).toBe(from);
    expect(points.at(-1)!.date).toBe(to);
    for (const p of points) expect(p, p.date).toEqual({ date: p.date, ...(days.get(p.date) ?? { count: 0, articleCount: 0 }) });
    expect(points.some((p) => p.count === 0)).toBe(true);
  });

  it("sums whole weeks (from Monday) and months, counting only days inside the range", async () => {
    const days = perDay("COUNTRY", "CN");
    const sum = (from: string, to: string) =>
      [...days.entries()].filter(([d]) => d >= from && d <= to).reduce((s, [, c]) => s + c.count, 0);
    const weeks = (await api.query(TIMELINE, { code: "cn", from: "2024-03-06", to: "2024-05-31", interval: "WEEK" })).data.country.timeline;
    expect(weeks[0].date).toBe("2024-03-04"); // the Monday of the week holding 6 March
    expect(weeks[0].count).toBe(sum("2024-03-06", "2024-03-10"));
    expect(weeks[1].count).toBe(sum("2024-03-11", "2024-03-17"));
    const months = (await api.query(TIMELINE, { code: "CN", from: "2024-01-01", to: "2025-12-31", interval: "MONTH" })).data.country
      .timeline;
    expect(months).toHaveLength(24);
    expect(months[1]).toMatchObject({ date: "2024-02-01", count: sum("2024-02-01", "2024-02-29") });
    expect(months.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(sum("2024-01-01", "2025-12-31"));
  });

  it("defaults to the 30 days up to the latest mention", async () => {
    const days = perDay("COUNTRY", "JP");
    const latest = [...days.keys()].sort().at(-1)!;
    const points = (await api.query(TIMELINE, { code: "JP" })).data.country.timeline;
    expect(points).toHaveLength(30);
    expect(points.at(-1)).toEqual({ date: latest, ...days.get(latest)! });
  });

  it("refuses a range that ends before it starts or holds more points than the page-size limit", async () => {
    const backwards = await api.query(TIMELINE, { code: "US", from: "2024-05-02", to: "2024-05-01" });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "from" });
    const tooLong = await api.query(TIMELINE, { code: "US", from: "2020-01-01", to: "2025-12-31" });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", max: 1000 });
  });

  it("loads the timelines of a page of people with one batch", async () => {
    api.resetBatches();
    const res = await api.query(`{ people(first: 25) { nodes { timeline(from: "2024-06-01", to: "2024-06-30") { count } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.people.nodes.every((n: { timeline: unknown[] }) => n.timeline.length === 30)).toBe(true);
    expect(api.batches.filter((b) => b.loader === "timeline")).toEqual([{ loader: "timeline", size: 25 }]);
  });
});

describe("articles(filter: { text })", () => {
  const LIST = `query($filter: ArticleFilter, $first: Int, $after: String) {
    articles(filter: $filter, first: $first, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }`;

  async function list(filter: Record<string, unknown>, first = 1000, after?: string) {
    const res = await api.query(LIST, { filter, first, after });
    expect(res.errors).toBeUndefined();
    return res.data.articles as { totalCount: number; nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
  }

  const holds = (a: ArticleRecord, word: string) => wordsIn.get(a.id)!.has(word);

  it("combines every word of the text with the other filters, newest first", async () => {
    const country = "DE";
    // "tariffs" stands for its synonym group too: tariff, duty, levy.
    const want = newestFirst(corpus).filter(
      (a) => holds(a, "whisky") && ["tariff", "duty", "levy"].some((w) => holds(a, w)) && entityKeysOf(a).has(`COUNTRY:${country}`),
    );
    const got = await list({ text: "Whisky tariffs", countryCode: "de" });
    expect(got.nodes.map((n) => n.id)).toEqual(want.map((a) => a.id));
    expect(got.totalCount).toBe(want.length);
    const fewer = await list({ text: "whisky" });
    expect(fewer.totalCount).toBeGreaterThan(got.totalCount);
  });

  it("pages through a text-filtered list with the same cursors", async () => {
    const all = await list({ text: "semiconductors" });
    expect(all.totalCount).toBeGreaterThan(10);
    const first = await list({ text: "semiconductors" }, 7);
    const rest = await list({ text: "semiconductors" }, 1000, first.pageInfo.endCursor);
    expect([...first.nodes, ...rest.nodes].map((n) => n.id)).toEqual(all.nodes.map((n) => n.id));
  });

  it("treats a country's name and every alias alike: the articles that mention the country", async () => {
    // An alias another entity shares (the US Minor Outlying Islands are "American" too) stands for both.
    const spelled = (name: string) => wordsOf(name).join(" ");
    const users = new Map<string, number>();
    for (const names of [...corpus.countries.map((c) => [c.name, ...c.aliases]), ...corpus.people.map((p) => [p.name, ...p.aliases])]) {
      for (const name of new Set(names.map(spelled))) users.set(name, (users.get(name) ?? 0) + 1);
    }
    let checked = 0;
    for (const code of ["US", "JP", "CN"]) {
      const country = corpus.countries.find((c) => c.code === code)!;
      const want = newestFirst(corpus)
        .filter((a) => entityKeysOf(a).has(`COUNTRY:${code}`))
        .map((a) => a.id);
      expect(want.length).toBeGreaterThan(0);
      for (const text of [country.name, ...country.aliases, country.name.toUpperCase()].filter((t) => users.get(spelled(t)) === 1)) {
        expect(
          (await list({ text })).nodes.map((n) => n.id),
          text,
        ).toEqual(want);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6);
  });

  it("finds a synonym's articles (deal ~ agreement), and nothing for a word no article holds", async () => {
    expect((await list({ text: "deal" })).nodes).toEqual((await list({ text: "agreements" })).nodes);
    expect((await list({ text: "zyzzyva" })).totalCount).toBe(0);
    expect((await list({ text: "the" })).totalCount).toBe(corpus.articles.length);
  });
});
