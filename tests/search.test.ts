// The search box, through real GraphQL over HTTP: the three queries a reader of the seed
// corpus types, then ranking properties on a generated corpus of a few thousand articles, with
// every expectation computed from the corpus by tests/textOracle.ts, never written in.
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../tools/generate/generate.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { startTestServer, type TestServer } from "./harness.js";
import { editDistance, wordsOf } from "./textOracle.js";

const HIT_FIELDS = `score
  highlights { field text start end }
  entity {
    __typename
    ... on Article { id headline body }
    ... on Person { id name aliases }
    ... on Country { id: code name aliases }
    ... on Agreement { id name }
    ... on Tariff { id name product }
    ... on Organization { id name aliases }
  }`;
const SEARCH = `query($q: String!, $types: [SearchType!], $first: Int) { search(query: $q, types: $types, first: $first) { ${HIT_FIELDS} } }`;

type Hit = { score: number; highlights: { field: string; text: string; start: number; end: number }[]; entity: Record<string, any> };

/** The value of a highlight's field on the hit's entity: `name`, `aliases[2]`, `body`… */
function fieldValue(entity: Record<string, any>, field: string): string {
  const alias = /^aliases\[(\d+)\]$/.exec(field);
  return alias ? entity.aliases[Number(alias[1])] : entity[field];
}

/** Checks the span contract of every highlight: the field's slice is the text. */
function expectExactSpans(hits: Hit[]) {
  for (const hit of hits) {
    for (const h of hit.highlights) {
      const value = fieldValue(hit.entity, h.field);
      expect(typeof value, `${hit.entity.__typename} ${hit.entity.id} has field ${h.field}`).toBe("string");
      expect(value.slice(h.start, h.end)).toBe(h.text);
      expect(h.text.length).toBeGreaterThan(0);
    }
  }
}

describe("search over the seed corpus", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });

  async function search(q: string, extra: Record<string, unknown> = {}): Promise<Hit[]> {
    const res = await api.query(SEARCH, { q, ...extra });
    expect(res.errors).toBeUndefined();
    return res.data.search;
  }

  it.each([
    ["Takaichi", "Person", "sanae-takaichi"],
    ["tariffs on automobiles", "Tariff", "us-tariff-japan-automobiles"],
    ["Japan US trade deal", "Agreement", "japan-us-trade-agreement-2025"],
  ])("answers %j with %s %s first", async (q, typename, id) => {
    const hits = await search(q);
    expect(hits[0]!.entity).toMatchObject({ __typename: typename, id });
    expect(hits[0]!.score).toBeGreaterThan(hits[1]?.score ?? 0);
    expect(hits[0]!.highlights.length).toBeGreaterThan(0);
    expectExactSpans(hits);
  });

  it.each(["US", "U.S.", "United States", "us", "america", "UNITED STATES"])("finds the United States first for %j", async (q) => {
    const hits = await search(q);
    expect(hits[0]!.entity).toMatchObject({ __typename: "Country", id: "US" });
    // The exact-name band: the integer part of the score is 4.
    expect(Math.floor(hits[0]!.score)).toBe(4);
  });

  it("ignores case and accents, and finds a name from its first letters", async () => {
    expect((await search("TAKAICHI"))[0]!.entity.id).toBe("sanae-takaichi");
    expect((await search("Takaíchi"))[0]!.entity.id).toBe("sanae-takaichi");
    const typing = await search("Taka");
    expect(typing[0]!.entity.id).toBe("sanae-takaichi");
    const name = typing[0]!.highlights.find((h) => h.field === "name")!;
    expect(name).toMatchObject({ text: "Taka", start: 6, end: 10 });
  });

  it("tolerates a typo, below exact matches", async () => {
    const hits = await search("Takiachi");
    expect(hits[0]!.entity.id).toBe("sanae-takaichi");
    expect(Math.floor(hits[0]!.score)).toBe(1);
  });

  it("returns only the kinds asked for, at most `first`", async () => {
    const articles = await search("Takaichi", { types: ["ARTICLE"] });
    expect(articles.map((h) => h.entity.__typename)).toEqual(["Article"]);
    expectExactSpans(articles);
    const some = await search("Japan", { first: 2 });
    expect(some).toHaveLength(2);
    const all = await search("Japan", { types: [] });
    expect(all.length).toBeGreaterThan(2);
  });

  it("finds nothing for a query of stop words only, and nothing unknown", async () => {
    expect(await search("the of and")).toEqual([]);
    expect(await search("")).toEqual([]);
    expect(await search("zyzzyva")).toEqual([]);
  });

  it("finds articles by a word still being typed, highlighting only the letters typed", async () => {
    const hits = await search("Takai", { types: ["ARTICLE"] });
    expect(hits.map((h) => h.entity.id)).toEqual(["kyodo-20251028-takaichi-trump-summit"]);
    const body = hits[0]!.highlights.filter((h) => h.field === "body");
    expect(body.length).toBeGreaterThan(0);
    expect(body.map((h) => h.text)).toEqual(body.map(() => "Takai"));
    expectExactSpans(hits);
  });

  it("finds articles despite a typo in a word no article holds", async () => {
    const typo = await search("Takiachi ", { types: ["ARTICLE"] });
    expect(typo.map((h) => h.entity.id)).toEqual(["kyodo-20251028-takaichi-trump-summit"]);
    expect(new Set(typo[0]!.highlights.map((h) => h.text))).toEqual(new Set(["Takaichi"]));
    const tokyo = await search("Tokya ", { types: ["ARTICLE"] });
    expect(new Set(tokyo[0]!.highlights.map((h) => h.text))).toEqual(new Set(["Tokyo"]));
  });

  it.each([0, 101])("refuses first: %i with BAD_USER_INPUT", async (first) => {
    const res = await api.query(SEARCH, { q: "Japan", first });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toContain(`got ${first}`);
  });

  it("refuses a query longer than 500 characters", async () => {
    const res = await api.query(SEARCH, { q: "trade ".repeat(100) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "query" });
  });

  it("loads the hits' records with one batch per kind", async () => {
    api.resetBatches();
    const res = await api.query(`{ search(query: "Japan", first: 20) { entity { __typename } } }`);
    const kinds = new Set(res.data.search.map((h: Hit) => h.entity.__typename));
    expect(kinds.size).toBeGreaterThan(2);
    const loaders = api.batches.map((b) => b.loader);
    expect(loaders.sort()).toEqual([...kinds].map((k) => String(k).toLowerCase()).sort());
  });
});

describe("search ranking over a generated corpus", () => {
  let api: TestServer;
  let corpus: CorpusRecord;
  // The oracle's words of each article, read once.
  const headlineWords = new Map<string, string[]>();
  const bodyWords = new Map<string, string[]>();
  beforeAll(async () => {
    corpus = generateCorpus({ articles: 2000, seed: 61 });
    // Read before the server starts: long synchronous work between requests would outlast the
    // server's keep-alive and reset the client's pooled connection.
    for (const a of corpus.articles) {
      headlineWords.set(a.id, wordsOf(a.headline ?? ""));
      bodyWords.set(a.id, wordsOf(a.body));
    }
    api = await startTestServer(corpus, { maxPageSize: 1000 });
    await search("warm up the index", null, 1); // the first search builds the index
  });

  /** Hits without their text: ranking tests read thousands. */
  async function search(
    q: string,
    types: string[] | null,
    first: number,
  ): Promise<{ score: number; entity: { __typename: string; id: string; product?: string } }[]> {
    const res = await api.query(
      `query($q: String!, $types: [SearchType!], $first: Int) { search(query: $q, types: $types, first: $first) {
        score entity { __typename ... on Article { id } ... on Person { id } ... on Country { id: code } ... on Agreement { id } ... on Tariff { id product } ... on Organization { id } } } }`,
      { q, types, first },
    );
    expect(res.errors).toBeUndefined();
    return res.data.search;
  }

  /** Every entity with its names, as the corpus gives them (tariffs by their served name). */
  async function namedEntities() {
    const tariffs = (await api.query(`{ tariffs { id name } }`)).data.tariffs as { id: string; name: string }[];
    return [
      ...corpus.people.map((p) => ({ key: `Person:${p.id}`, names: [p.name, ...p.aliases] })),
      ...corpus.countries.map((c) => ({ key: `Country:${c.code}`, names: [c.name, ...c.aliases] })),
      ...corpus.agreements.map((a) => ({ key: `Agreement:${a.id}`, names: [a.name] })),
      ...tariffs.map((t) => ({ key: `Tariff:${t.id}`, names: [t.name] })),
    ];
  }

  it("ranks an exact name above a word of a name, above a prefix, above a typo", async () => {
    const entities = (await namedEntities()).map((e) => ({ ...e, words: e.names.map(wordsOf) }));
    const byKey = new Map(entities.map((e) => [e.key, e]));
    const vocabulary = [...new Set(entities.flatMap((e) => e.words.flat()))];
    const wholeNames = new Set(entities.flatMap((e) => e.words.filter((w) => w.length === 1).map((w) => w[0]!)));
    // How a name matches a one-word query, by the oracle: 4 the whole name, 3 a word of it,
    // 2 the start of a word, 1 one typo away from a word, 0 none of these.
    const matchClass = (words: string[][], q: string) => {
      let best = 0;
      for (const name of words) {
        if (name.length === 1 && name[0] === q) return 4;
        for (const w of name)
          best = Math.max(best, w === q ? 3 : w.startsWith(q) ? 2 : Math.abs(w.length - q.length) <= 1 && editDistance(w, q) === 1 ? 1 : 0);
      }
      return best;
    };
    // Query words for which the corpus has names of every class: found, not chosen by hand.
    const candidates = vocabulary.filter((q) => /^[a-z]{4,7}$/.test(q) && wholeNames.has(q)).sort();
    let tried = 0;
    for (const q of candidates) {
      if (!vocabulary.some((w) => w !== q && w.startsWith(q))) continue;
      if (!vocabulary.some((w) => !w.startsWith(q) && Math.abs(w.length - q.length) <= 1 && editDistance(w, q) === 1)) continue;
      // Each class must be some entity's best match (a country's demonym alias is still that country).
      const classes = new Set(entities.map((e) => matchClass(e.words, q)));
      if (!classes.has(4) || !classes.has(2) || !classes.has(1)) continue;
      const hits = await search(q, ["PERSON", "COUNTRY", "AGREEMENT", "TARIFF"], 1000);
      const seen = hits.map((h) => matchClass(byKey.get(`${h.entity.__typename}:${h.entity.id}`)!.words, q)).filter((c) => c > 0);
      expect(seen.includes(4) && seen.includes(2) && seen.includes(1), `exact, prefix and typo hits for "${q}"`).toBe(true);
      expect(seen, `match classes down the hits for "${q}"`).toEqual([...seen].sort((x, y) => y - x));
      if (++tried === 2) break;
    }
    expect(tried).toBeGreaterThan(0);
  });

  it("ranks an article with the word in its headline above one that says it once in the body", async () => {
    const products = [...new Set(corpus.tariffs.map((t) => t.product))].filter((p) => /^[a-z]+$/.test(p)).sort();
    let checked = 0;
    for (const word of products) {
      const q = wordsOf(word)[0]!;
      const inHeadline = corpus.articles.filter((a) => headlineWords.get(a.id)!.includes(q));
      const onceInBody = corpus.articles.filter(
        (a) => !headlineWords.get(a.id)!.includes(q) && bodyWords.get(a.id)!.filter((w) => w === q).length === 1,
      );
      const holding = corpus.articles.filter((a) => headlineWords.get(a.id)!.includes(q) || bodyWords.get(a.id)!.includes(q));
      if (inHeadline.length === 0 || onceInBody.length === 0 || holding.length > 800) continue;
      // A finished word (trailing space): no prefix completions.
      const hits = await search(`${word} `, ["ARTICLE"], 1000);
      const rank = new Map(hits.map((h, i) => [h.entity.id, i]));
      const headlineRanks = inHeadline.map((a) => rank.get(a.id) ?? Infinity);
      const bodyRanks = onceInBody.map((a) => rank.get(a.id) ?? Infinity);
      expect(Math.max(...headlineRanks), `every "${q}" headline article found`).toBeLessThan(Infinity);
      expect(Math.max(...bodyRanks), `every single-mention article found`).toBeLessThan(Infinity);
      expect(Math.max(...headlineRanks), `"${q}": worst headline rank < best single-body rank`).toBeLessThan(Math.min(...bodyRanks));
      if (++checked === 2) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("ranks an article holding every word of the query first", async () => {
    // Pairs of product words that some articles hold together and more hold one of: found, not chosen.
    const products = [...new Set(corpus.tariffs.map((t) => t.product))].filter((p) => /^[a-z]+$/.test(p)).sort();
    const holds = (id: string, w: string) => headlineWords.get(id)!.includes(w) || bodyWords.get(id)!.includes(w);
    let checked = 0;
    for (const [i, p1] of products.entries()) {
      for (const p2 of products.slice(i + 1)) {
        const [w1, w2] = [wordsOf(p1)[0]!, wordsOf(p2)[0]!];
        const both = corpus.articles.filter((a) => holds(a.id, w1) && holds(a.id, w2));
        const one = corpus.articles.filter((a) => holds(a.id, w1) !== holds(a.id, w2));
        if (both.length === 0 || one.length < 3 * both.length) continue;
        const hits = await search(`${p1} ${p2} `, ["ARTICLE"], 5);
        expect(hits.length, `${p1} ${p2}`).toBeGreaterThan(0);
        expect(
          both.map((a) => a.id),
          `"${p1} ${p2}": the best hit holds both words`,
        ).toContain(hits[0]!.entity.id);
        if (++checked === 3) break;
      }
      if (checked === 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("answers `tariffs on <product>` with a tariff on that product first", async () => {
    const products = [...new Set(corpus.tariffs.map((t) => t.product))].sort();
    for (const product of products.filter((_, i) => i % 3 === 0)) {
      const hits = await search(`tariffs on ${product}`, null, 3);
      expect(hits[0]!.entity.__typename, product).toBe("Tariff");
      expect(hits[0]!.entity.product, product).toBe(product);
    }
  });

  it("answers an agreement's name, in other words, with that agreement among the best", async () => {
    const agreements = corpus.agreements.filter((a) => a.parties.length === 2 && /Trade Agreement$/.test(a.name)).slice(0, 6);
    expect(agreements.length).toBeGreaterThan(0);
    for (const agreement of agreements) {
      const [a, b] = agreement.parties.map((code) => corpus.countries.find((c) => c.code === code)!.name);
      const hits = await search(`${a} ${b} trade deal`, null, 5);
      expect(hits[0]!.entity.__typename).toBe("Agreement");
      // Agreements between the same pair may share every word; this one must be among the equals.
      const best = hits.filter((h) => h.score === hits[0]!.score).map((h) => h.entity.id);
      expect(best, agreement.name).toContain(agreement.id);
    }
  });

  it("gives spans that are exact slices of the matched fields", async () => {
    for (const q of ["Hernandez", "United States tariff on steel", "semiconductors", "Müller", "Washington"]) {
      const res = await api.query(SEARCH, { q, first: 15 });
      expect(res.errors).toBeUndefined();
      expect(res.data.search.length, q).toBeGreaterThan(0);
      expectExactSpans(res.data.search);
    }
  });
});
