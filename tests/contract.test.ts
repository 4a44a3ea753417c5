// The public contract, read through real GraphQL operations over HTTP against a started
// server on the hand-made seed corpus: every fact a frontend relies on, spans included.
import { beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
});

describe("article page", () => {
  it("serves the seed article with its metadata split from the body", async () => {
    const res = await api.query(`query($id: ID!) { article(id: $id) { id headline lead body dateline publishedAt source copyright } }`, {
      id: ARTICLE,
    });
    expect(res.errors).toBeUndefined();
    const a = res.data.article;
    expect(a).toMatchObject({ id: ARTICLE, headline: null, dateline: "TOKYO", source: "Kyodo News", copyright: "Copyright kyodonews" });
    expect(a.publishedAt.slice(0, 10)).toBe("2025-10-28");
    expect(a.body.startsWith("Japan's new Prime Minister Sanae Takaichi and U.S. President Donald Trump")).toBe(true);
    expect(a.body).not.toContain("TOKYO - ");
    expect(a.body.endsWith("meet with Chinese President Xi Jinping on Thursday.")).toBe(true);
    expect(a.body.startsWith(a.lead)).toBe(true);
  });

  it("lists the people, countries, agreements and tariffs the article mentions, in order of first mention", async () => {
    const res = await api.query(`{ article(id: "${ARTICLE}") {
      people { id } countries { code } agreements { id } tariffs { id } } }`);
    expect(res.data.article).toEqual({
      people: [{ id: "sanae-takaichi" }, { id: "donald-trump" }, { id: "shinzo-abe" }, { id: "xi-jinping" }],
      countries: ["JP", "US", "CN", "KP", "MY", "KR"].map((code) => ({ code })),
      agreements: [{ id: "japan-us-security-alliance" }, { id: "japan-us-trade-agreement-2025" }],
      tariffs: [{ id: "us-tariff-japan-goods" }, { id: "us-tariff-japan-automobiles" }],
    });
  });

  it("gives every mention as a span whose body slice is exactly the mention's text", async () => {
    const res = await api.query(`{ article(id: "${ARTICLE}") { body mentions { text start end entity { __typename } } } }`);
    const { body, mentions } = res.data.article;
    expect(mentions.length).toBeGreaterThan(50);
    for (const m of mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    const starts = mentions.map((m: { start: number }) => m.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it("keeps the carrier, the seas and the cities apart from the states they are named after", async () => {
    const res = await api.query(
      `{ article(id: "${ARTICLE}") { body mentions(type: COUNTRY) { text start end entity { ... on Country { code } } } } }`,
    );
    const { body, mentions } = res.data.article;
    const at = (phrase: string) => body.indexOf(phrase);
    const inside = (phrase: string) => (m: { start: number; end: number }) => m.start >= at(phrase) && m.end <= at(phrase) + phrase.length;
    expect(mentions.filter(inside("George Washington"))).toEqual([]);
    expect(mentions.filter(inside("East and South China seas"))).toEqual([]);
    expect(mentions.filter(inside("southwest of Tokyo"))).toEqual([]);
    expect(mentions.filter(inside("western city of Osaka"))).toEqual([]);
    expect(mentions.filter(inside("Tokyo and Washington have")).map((m: any) => [m.text, m.entity.code])).toEqual([
      ["Tokyo", "JP"],
      ["Washington", "US"],
    ]);
  });

  it("filters mentions by entity type", async () => {
    const res = await api.query(`{ article(id: "${ARTICLE}") { mentions(type: PERSON) { text entity { ... on Person { id } } } } }`);
    const texts = res.data.article.mentions.map((m: any) => `${m.text}→${m.entity.id}`);
    expect(texts).toContain("Sanae Takaichi→sanae-takaichi");
    expect(texts).toContain("the former Japanese prime minister→shinzo-abe");
    expect(texts).toContain("Xi Jinping→xi-jinping");
    expect(res.data.article.mentions.every((m: any) => m.entity.id)).toBe(true);
  });
});

describe("people", () => {
  it("gives a person's roles with their country and whether they are current", async () => {
    const res = await api.query(`{
      takaichi: person(id: "sanae-takaichi") { name aliases nationality { code } roles { title current start end country { code } } }
      trump: person(id: "donald-trump") { name roles { title current country { code name } } }
      abe: person(id: "shinzo-abe") { description roles { title current end country { code } } }
      xi: person(id: "xi-jinping") { roles { title current country { code } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.takaichi).toEqual({
      name: "Sanae Takaichi",
      aliases: ["Takaichi"],
      nationality: { code: "JP" },
      roles: [{ title: "Prime Minister", current: true, start: "2025-10-21", end: null, country: { code: "JP" } }],
    });
    expect(res.data.trump.roles).toEqual([{ title: "President", current: true, country: { code: "US", name: "United States" } }]);
    expect(res.data.abe.roles.length).toBeGreaterThan(0);
    expect(res.data.abe.roles.every((r: any) => r.current === false && r.country.code === "JP" && r.title === "Prime Minister")).toBe(true);
    expect(res.data.abe.description).toMatch(/assassinated in (July )?2022/);
    expect(res.data.xi.roles).toEqual([{ title: "President", current: true, country: { code: "CN" } }]);
  });

  it("finds people by part of a name or alias, ignoring case and accents", async () => {
    const res = await api.query(
      `{ a: people(name: "TAKA") { totalCount nodes { id } } b: people(name: "trump") { nodes { id } } c: people(name: "nobody") { totalCount nodes { id } } }`,
    );
    expect(res.data.a).toEqual({ totalCount: 1, nodes: [{ id: "sanae-takaichi" }] });
    expect(res.data.b.nodes).toEqual([{ id: "donald-trump" }]);
    expect(res.data.c).toEqual({ totalCount: 0, nodes: [] });
  });

  it("pages through people with opaque cursors", async () => {
    const first = await api.query(
      `{ people(first: 3) { totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
    );
    const page1 = first.data.people;
    expect(page1.totalCount).toBe(4);
    expect(page1.edges.map((e: any) => e.node.name)).toEqual(["Donald Trump", "Sanae Takaichi", "Shinzo Abe"]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await api.query(
      `query($after: String) { people(first: 3, after: $after) { nodes { name } pageInfo { hasNextPage hasPreviousPage } } }`,
      {
        after: page1.pageInfo.endCursor,
      },
    );
    expect(second.data.people).toEqual({ nodes: [{ name: "Xi Jinping" }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it("lists the articles that mention a person", async () => {
    const res = await api.query(`{ person(id: "xi-jinping") { articles { totalCount nodes { id } } } }`);
    expect(res.data.person.articles).toEqual({ totalCount: 1, nodes: [{ id: ARTICLE }] });
  });
});

describe("countries", () => {
  it("looks a country up by ISO code in any case, with its leaders and aliases", async () => {
    const res = await api.query(
      `{ jp: country(code: "jp") { code name aliases leaders { id } } us: country(code: "US") { leaders { id } aliases } }`,
    );
    expect(res.data.jp).toMatchObject({ code: "JP", name: "Japan", leaders: [{ id: "sanae-takaichi" }] });
    expect(res.data.jp.aliases).toEqual(expect.arrayContaining(["Japanese", "Tokyo"]));
    expect(res.data.us.leaders).toEqual([{ id: "donald-trump" }]);
    expect(res.data.us.aliases).toEqual(expect.arrayContaining(["U.S.", "Washington"]));
  });

  it("lists the six countries of the seed by name", async () => {
    const res = await api.query(`{ countries { code } }`);
    expect(res.data.countries.map((c: any) => c.code)).toEqual(["CN", "JP", "MY", "KP", "KR", "US"]);
  });

  it("gives the tariffs a country imposes and faces, and its agreements", async () => {
    const res = await api.query(`{ us: country(code: "US") { tariffsImposed { id } tariffsFaced { id } agreements { id } }
      jp: country(code: "JP") { tariffsFaced { id appliesTo { code } } } }`);
    expect(res.data.us.tariffsImposed.map((t: any) => t.id).sort()).toEqual(["us-tariff-japan-automobiles", "us-tariff-japan-goods"]);
    expect(res.data.us.tariffsFaced).toEqual([]);
    expect(res.data.us.agreements.map((a: any) => a.id).sort()).toEqual(["japan-us-security-alliance", "japan-us-trade-agreement-2025"]);
    expect(res.data.jp.tariffsFaced.every((t: any) => t.appliesTo.code === "JP")).toBe(true);
  });
});

describe("agreements and tariffs", () => {
  it("gives the trade agreement's parties, date, commitments with money, and evidence", async () => {
    const res = await api.query(`{ agreement(id: "japan-us-trade-agreement-2025") {
      kind concluded parties { code } tariffs { id }
      commitments { party { code } description amount { amount currency } sectors }
      evidence { quote start end article { id body } } } }`);
    const a = res.data.agreement;
    expect(a.kind).toBe("TRADE");
    expect(a.concluded).toBe("2025-07");
    expect(a.parties.map((p: any) => p.code).sort()).toEqual(["JP", "US"]);
    expect(a.tariffs.map((t: any) => t.id).sort()).toEqual(["us-tariff-japan-automobiles", "us-tariff-japan-goods"]);
    const invest = a.commitments.find((c: any) => c.amount);
    expect(invest).toMatchObject({ party: { code: "JP" }, amount: { amount: 550000000000, currency: "USD" } });
    expect(invest.sectors).toEqual(["semiconductors", "critical minerals", "shipbuilding"]);
    expect(a.commitments.some((c: any) => c.party.code === "JP" && /agricultural/.test(c.description))).toBe(true);
    for (const e of a.evidence) expect(e.article.body.slice(e.start, e.end)).toBe(e.quote);
    expect(a.evidence.some((e: any) => e.quote.includes("$550 billion"))).toBe(true);
  });

  it("lists agreements by party and kind", async () => {
    const res = await api.query(
      `{ security: agreements(partyCode: "jp", kind: SECURITY) { id } none: agreements(partyCode: "MY") { id } all: agreements { id } }`,
    );
    expect(res.data.security).toEqual([{ id: "japan-us-security-alliance" }]);
    expect(res.data.none).toEqual([]);
    expect(res.data.all).toHaveLength(2);
  });

  it("gives the automobile tariff lowered to 15 percent from 27.5 under the trade agreement", async () => {
    const res = await api.query(`{ tariffs(imposedBy: "us", appliesTo: "JP", product: "AUTO") {
      id product ratePercent previousRatePercent imposedBy { code } appliesTo { code } agreement { id }
      evidence { quote start end article { body } } articles { totalCount } } }`);
    expect(res.data.tariffs).toHaveLength(1);
    const [t] = res.data.tariffs;
    expect(t).toMatchObject({
      id: "us-tariff-japan-automobiles",
      product: "automobiles",
      ratePercent: 15,
      previousRatePercent: 27.5,
      imposedBy: { code: "US" },
      appliesTo: { code: "JP" },
      agreement: { id: "japan-us-trade-agreement-2025" },
      articles: { totalCount: 1 },
    });
    expect(t.evidence[0].quote).toMatch(/reducing the levy on automobiles to 15 percent from the previous rate of 27.5 percent/);
    expect(t.evidence[0].article.body.slice(t.evidence[0].start, t.evidence[0].end)).toBe(t.evidence[0].quote);
  });
});

describe("lists and filters", () => {
  it("filters articles by entity and date, inclusive of the bounds", async () => {
    const res = await api.query(`{
      byPerson: articles(filter: { personId: "xi-jinping", countryCode: "kr" }) { totalCount }
      missing: articles(filter: { personId: "xi-jinping", countryCode: "FR" }) { totalCount }
      inRange: articles(filter: { publishedAfter: "2025-10-28T00:00:00Z", publishedBefore: "2025-10-28T23:59:59Z" }) { totalCount }
      before: articles(filter: { publishedBefore: "2025-10-01T00:00:00Z" }) { totalCount }
      byTariff: articles(filter: { tariffId: "us-tariff-japan-automobiles", agreementId: "japan-us-trade-agreement-2025" }) { nodes { id } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      byPerson: { totalCount: 1 },
      missing: { totalCount: 0 },
      inRange: { totalCount: 1 },
      before: { totalCount: 0 },
      byTariff: { nodes: [{ id: ARTICLE }] },
    });
  });
});

describe("unknown ids and bad arguments", () => {
  it("answers null, not an error, for ids that do not exist", async () => {
    const res = await api.query(
      `{ article(id: "nope") { id } person(id: "nope") { id } country(code: "ZZ") { code } agreement(id: "nope") { id } tariff(id: "nope") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ article: null, person: null, country: null, agreement: null, tariff: null });
  });

  it.each([
    ["zero", 0],
    ["negative", -5],
    ["over the limit", 101],
  ])("refuses a page size that is %s with BAD_USER_INPUT naming the argument and range", async (_, first) => {
    const res = await api.query(`query($first: Int) { articles(first: $first) { totalCount } }`, { first });
    // A field error: the list is null and the rest of an answer would be kept (issue 15; was data: null).
    expect(res.data).toEqual({ articles: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", value: first, min: 1, max: 100 });
    expect(res.errors![0]!.message).toContain("between 1 and 100");
  });

  it("treats first: null as the default page size", async () => {
    const res = await api.query(`{ people(first: null) { nodes { id } } }`);
    expect(res.data.people.nodes).toHaveLength(4);
  });

  it("refuses a cursor it did not issue", async () => {
    const res = await api.query(`{ people(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    expect(res.errors![0]!.message).toContain("is not a cursor from this list");
  });

  it("refuses an article cursor on the people list", async () => {
    const articles = await api.query(`{ articles(first: 1) { pageInfo { endCursor } } }`);
    const res = await api.query(`query($after: String) { people(after: $after) { totalCount } }`, {
      after: articles.data.articles.pageInfo.endCursor,
    });
    expect(res.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
