// Organization, the sixth entity kind, through the public contract on a started server: the
// seed corpus plus the organizations its article names (ASEAN, the G20, the White House) with
// exact spans, and a party office (Xi Jinping's). Runs on both stores (vitest.config.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { validateCorpus } from "../src/corpus/validate.js";
import { seedCorpus, startTestServer, type TestServer } from "./harness.js";

const ARTICLE = "kyodo-20251028-takaichi-trump-summit";
let api: TestServer;

/** The seed corpus with the organizations its article names, each mention at its exact UTF-16 span. */
async function corpusWithOrganizations(): Promise<CorpusRecord> {
  const corpus = structuredClone(await seedCorpus());
  // The seed annotates its own organizations (data/seed.json); this file builds its fixture from
  // the seed without them, so what it asserts stays what it sets up here.
  for (const a of corpus.articles) a.mentions = a.mentions.filter((m) => m.entityType !== "ORGANIZATION");
  corpus.organizations = [
    { id: "asean", name: "Association of Southeast Asian Nations", aliases: ["ASEAN"], kind: "INTERNATIONAL_BODY", members: ["MY"] },
    { id: "g20", name: "Group of 20", aliases: ["G20"], kind: "INTERNATIONAL_BODY", members: ["CN", "JP", "KR", "US"] },
    { id: "white-house", name: "White House", aliases: [], kind: "GOVERNMENT_BODY", country: "US", members: [] },
    { id: "chinese-communist-party", name: "Chinese Communist Party", aliases: [], kind: "POLITICAL_PARTY", country: "CN", members: [] },
  ];
  const article = corpus.articles.find((a) => a.id === ARTICLE)!;
  for (const [id, text] of [
    ["asean", "Association of Southeast Asian Nations"],
    ["g20", "Group of 20"],
    ["white-house", "White House"],
  ] as const) {
    const start = article.body.indexOf(text);
    expect(start).toBeGreaterThan(0);
    article.mentions.push({ entityType: "ORGANIZATION", entityId: id, text, start, end: start + text.length });
  }
  corpus.people
    .find((p) => p.id === "xi-jinping")!
    .roles.push({
      title: "General Secretary",
      country: "CN",
      organizationId: "chinese-communist-party",
      current: true,
      start: "2012-11-15",
      end: null,
    });
  return validateCorpus(JSON.parse(JSON.stringify(corpus)), "seed corpus with organizations");
}

beforeAll(async () => {
  api = await startTestServer(await corpusWithOrganizations());
});

describe("Organization", () => {
  it("serves one organization with its kind, country and members", async () => {
    const res = await api.query(`{ g20: organization(id: "g20") { id name aliases kind country { code } members { code } }
      wh: organization(id: "white-house") { kind country { code } members { code } } none: organization(id: "nope") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      g20: {
        id: "g20",
        name: "Group of 20",
        aliases: ["G20"],
        kind: "INTERNATIONAL_BODY",
        country: null,
        members: ["CN", "JP", "KR", "US"].map((code) => ({ code })),
      },
      wh: { kind: "GOVERNMENT_BODY", country: { code: "US" }, members: [] },
      none: null,
    });
  });

  it("lists organizations A to Z, by part of a name or alias, by kind, page by page", async () => {
    const all = await api.query(`{ organizations { totalCount nodes { id } } }`);
    expect(all.data.organizations).toEqual({
      totalCount: 4,
      nodes: ["asean", "chinese-communist-party", "g20", "white-house"].map((id) => ({ id })),
    });
    const named = await api.query(`{ organizations(name: "asean") { nodes { id } } }`);
    expect(named.data.organizations.nodes).toEqual([{ id: "asean" }]);
    const bodies = await api.query(`{ organizations(kind: INTERNATIONAL_BODY) { totalCount nodes { id } } }`);
    expect(bodies.data.organizations).toEqual({ totalCount: 2, nodes: [{ id: "asean" }, { id: "g20" }] });
    const first = await api.query(`{ organizations(first: 3) { pageInfo { hasNextPage endCursor } } }`);
    const rest = await api.query(
      `query($after: String) { organizations(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`,
      {
        after: first.data.organizations.pageInfo.endCursor,
      },
    );
    expect(rest.data.organizations).toEqual({ nodes: [{ id: "white-house" }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it("refuses a people cursor on the organization list", async () => {
    const people = await api.query(`{ people(first: 1) { pageInfo { endCursor } } }`);
    const res = await api.query(`query($after: String) { organizations(after: $after) { totalCount } }`, {
      after: people.data.people.pageInfo.endCursor,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("is mentioned by the article at exact spans, listed on it, and filters the article list", async () => {
    const res = await api.query(
      `{ article(id: "${ARTICLE}") { body organizations { id } mentions(type: ORGANIZATION) { text start end entity { __typename ... on Organization { id } } } } }`,
    );
    const { body, organizations, mentions } = res.data.article;
    expect(organizations).toEqual([{ id: "white-house" }, { id: "g20" }, { id: "asean" }]);
    for (const m of mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.map((m: { entity: unknown }) => m.entity)).toEqual(
      ["white-house", "g20", "asean"].map((id) => ({ __typename: "Organization", id })),
    );
    const filtered = await api.query(
      `{ a: articles(filter: { organizationId: "g20" }) { totalCount } b: articles(filter: { organizationId: "chinese-communist-party" }) { totalCount } }`,
    );
    expect(filtered.data).toEqual({ a: { totalCount: 1 }, b: { totalCount: 0 } });
  });

  it("has the articles, timeline and related entities every kind has", async () => {
    const res = await api.query(`{ organization(id: "asean") {
      articles { totalCount nodes { id } } timeline(interval: MONTH) { date count articleCount } } }`);
    expect(res.data.organization.articles).toEqual({ totalCount: 1, nodes: [{ id: ARTICLE }] });
    expect(res.data.organization.timeline.at(-1)).toEqual({ date: "2025-10-01", count: 1, articleCount: 1 });
    const related = await api.query(
      `{ related(entity: { type: ORGANIZATION, id: "asean" }, types: [PERSON, ORGANIZATION]) { entity { __typename ... on Organization { id } ... on Person { id } } articleCount } }`,
    );
    const ids = related.data.related.map((r: { entity: { id: string } }) => r.entity.id);
    expect(ids).toEqual(expect.arrayContaining(["g20", "white-house", "donald-trump"]));
    const back = await api.query(
      `{ related(entity: { type: PERSON, id: "donald-trump" }, types: [ORGANIZATION]) { entity { __typename } } }`,
    );
    expect(back.data.related).toHaveLength(3);
  });

  it("is found by search, by name and by alias", async () => {
    for (const query of ["ASEAN", "Association of Southeast Asian Nations", "white house"]) {
      const res = await api.query(
        `query($q: String!) { search(query: $q, types: [ORGANIZATION], first: 1) { entity { __typename ... on Organization { id } } } }`,
        { q: query },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.search[0].entity.__typename).toBe("Organization");
    }
  });

  it("is the organization of an office", async () => {
    const res = await api.query(`{ person(id: "xi-jinping") { roles { title organization { id kind } } } }`);
    expect(res.data.person.roles).toEqual(
      expect.arrayContaining([{ title: "General Secretary", organization: { id: "chinese-communist-party", kind: "POLITICAL_PARTY" } }]),
    );
  });

  it("resolves as a federation entity by id, unknown ids to null", async () => {
    const res = await api.query(`query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Organization { id name } } }`, {
      r: [
        { __typename: "Organization", id: "g20" },
        { __typename: "Organization", id: "nope" },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([{ __typename: "Organization", id: "g20", name: "Group of 20" }, null]);
  });
});
