// The PostgreSQL store answers exactly as the memory store does: every Store lookup over every
// key of the same corpus, every page of every list walked cursor by cursor, and every contract
// query over GraphQL, compared whole. The corpus has the awkward cases on purpose: undated
// articles, articles sharing a timestamp, accented names, organizations sharing a name.
import { beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord, EntityType } from "../../src/corpus/format.js";
import { generateCorpus } from "../../tools/generate/generate.js";
import { validateCorpus } from "../../src/corpus/validate.js";
import { ENTITY_KINDS } from "../../src/corpus/kinds.js";
import { currentRates, tariffConflicts, tariffHistory } from "../../src/corpus/tariffHistory.js";
import { startServer, type RunningServer } from "../../src/server.js";
import { encodeCursor } from "../../src/store/cursor.js";
import { MemoryStore } from "../../src/store/MemoryStore.js";
import type { ArticleFilterInput, Page, Store } from "../../src/store/Store.js";
import { seedCorpus } from "../harness.js";
import { postgresStoreOf } from "./databases.js";

/** A generated corpus bent to hold the cases a sort or a seek gets wrong. */
function awkwardCorpus(articles = 300): CorpusRecord {
  const corpus = generateCorpus({ articles, seed: 11, people: 120, agreements: 30, tariffs: 40 });
  corpus.articles.forEach((a, i) => {
    if (i % 13 === 5)
      a.publishedAt = null; // undated: last in every list, never in a date filter
    else if (i % 7 === 3 && i > 0) a.publishedAt = corpus.articles[i - 1]!.publishedAt; // ties broken by id
  });
  corpus.people[0]!.name = "Zoë Hernández";
  corpus.people[0]!.aliases = ["ZOË", "Hernández"];
  corpus.people[1]!.name = "zoe Adams";
  // Two organizations of one name (parties of two countries often share one) and an accented one.
  const parties = corpus.organizations!.filter((o) => o.kind === "POLITICAL_PARTY");
  parties[1]!.name = parties[0]!.name;
  parties[1]!.aliases = parties[0]!.aliases;
  corpus.organizations!.find((o) => o.kind === "COMPANY")!.name = "Société Générale des Aciers";
  addHistories(corpus);
  return validateCorpus(JSON.parse(JSON.stringify(corpus)), "awkward corpus");
}

/**
 * Gives the corpus facts over time with the cases an ordering gets wrong: steps dated by day,
 * month, year and not at all (the article's date stands in, or nothing when it is undated),
 * every status, two sources disagreeing about one day, and tariffs left without a history (their
 * rate fields imply one step). Rate fields are set to what each history gives.
 */
function addHistories(corpus: CorpusRecord): void {
  const statuses = ["IN_EFFECT", "ANNOUNCED", "IN_EFFECT", "THREATENED", "IN_EFFECT", "PAUSED", "WITHDRAWN"] as const;
  const dates = [null, "2025", "2025-03", "2025-03-14", "2025-03-14", null, "2025-11"];
  const published = new Map(corpus.articles.map((a) => [a.id, a.publishedAt ?? null]));
  corpus.tariffs.forEach((t, i) => {
    if (i % 4 === 3) return; // no history: the rate fields stand for one step
    const evidence = [...t.evidence, ...corpus.tariffs[(i + 1) % corpus.tariffs.length]!.evidence].slice(0, 7);
    t.history = evidence.map((e, j) => ({
      ratePercent: j === 5 && i % 2 === 0 ? null : 5 + ((i * 7 + j * 3) % 20),
      previousRatePercent: j % 3 === 0 ? null : 2.5 * j,
      status: statuses[(i + j) % statuses.length]!,
      effective: dates[(i + j) % dates.length],
      evidence: e,
    }));
    Object.assign(t, currentRates(tariffHistory(t, (id) => published.get(id) ?? null)));
  });
  corpus.agreements.forEach((a, i) => {
    if (i % 3 === 2) return;
    const steps = ["NEGOTIATING", "FRAMEWORK", "SIGNED", "IN_FORCE", "SUSPENDED"] as const;
    a.history = a.evidence
      .slice(0, 4)
      .map((e, j) => ({ status: steps[(i + j) % steps.length]!, effective: dates[(i + 2 * j) % dates.length], evidence: e }));
  });
  corpus.people.slice(0, 20).forEach((p, i) => {
    const quoted = corpus.articles[i]!;
    const m = quoted.mentions[0];
    if (p.roles[0] && m) p.roles[0].evidence = [{ articleId: quoted.id, quote: m.text, start: m.start, end: m.end }];
  });
  corpus.articles.forEach((a, i) => {
    if (i % 3 === 0)
      a.unresolved = a.mentions
        .slice(0, 2)
        .map((m) => ({ entityType: m.entityType, text: m.text, start: m.start, end: m.end, reason: "test: not tied" }));
    else if (i % 3 === 1) a.unresolved = [];
  });
}

const corpora: [string, () => Promise<CorpusRecord>][] = [
  ["the seed corpus", seedCorpus],
  ["a generated corpus of 300 articles", async () => awkwardCorpus()],
];

describe.each(corpora)("on %s", (_, load) => {
  let corpus: CorpusRecord;
  let memory: MemoryStore;
  let postgres: Store;
  let entityKeys: { type: EntityType; id: string }[];
  const codes = () => [...corpus.countries.map((c) => c.code), "ZZ"];

  beforeAll(async () => {
    corpus = await load();
    memory = new MemoryStore(corpus);
    postgres = await postgresStoreOf(corpus);
    entityKeys = [
      ...corpus.people.map((p) => ({ type: "PERSON" as const, id: p.id })),
      ...corpus.countries.map((c) => ({ type: "COUNTRY" as const, id: c.code })),
      ...corpus.agreements.map((a) => ({ type: "AGREEMENT" as const, id: a.id })),
      ...corpus.tariffs.map((t) => ({ type: "TARIFF" as const, id: t.id })),
      ...(corpus.organizations ?? []).map((o) => ({ type: "ORGANIZATION" as const, id: o.id })),
      { type: "PERSON", id: "nobody" },
      { type: "ORGANIZATION", id: "nobody" },
    ];
  });

  /** Calls the same lookup on both stores and expects the same answer. */
  async function same<T>(ask: (store: Store) => Promise<T>): Promise<T> {
    const expected = await ask(memory);
    expect(await ask(postgres)).toEqual(expected);
    return expected;
  }

  it("looks up every entity by key, in key order, null for unknown keys", async () => {
    const ids = (xs: { id: string }[]) => [...xs.map((x) => x.id).reverse(), "missing"];
    // A missing optional field and null mean the same in the corpus format; a database column
    // keeps one NULL for both, so articles compare with null fields dropped.
    const articles = (s: Store) => s.articlesById(ids(corpus.articles)).then((list) => list.map((a) => a && withoutNulls(a)));
    await same(articles);
    await same((s) => s.peopleById(ids(corpus.people)));
    await same((s) => s.countriesByCode(codes()));
    await same((s) => s.agreementsById(ids(corpus.agreements)));
    await same((s) => s.tariffsById(ids(corpus.tariffs)));
    await same((s) => s.recordsByKey("ORGANIZATION", ids(corpus.organizations ?? [])));
    await same((s) => s.entitiesOfArticles(ids(corpus.articles)));
  });

  it("gives every one-to-many relation in the same order", async () => {
    await same((s) => s.leadersOfCountries(codes()));
    await same((s) => s.agreementsOfCountries(codes()));
    await same((s) => s.tariffsImposedBy(codes()));
    await same((s) => s.tariffsFacedBy(codes()));
    await same((s) => s.tariffsOfAgreements([...corpus.agreements.map((a) => a.id), "missing"]));
  });

  it("gives every tariff's and agreement's history in the same order, with the same publication times", async () => {
    const tariffs = await same((s) => s.tariffHistories(["missing", ...corpus.tariffs.map((t) => t.id).reverse()]));
    await same((s) => s.agreementHistories([...corpus.agreements.map((a) => a.id), "missing"]));
    // The seed's tariff with a rate has the one step its fields imply; the generated ones have
    // more, some undated, some disagreeing.
    expect(tariffs.some((h) => h.length > 0)).toBe(true);
    if (corpus.articles.length > 1) {
      expect(tariffs.some((h) => h.some((c) => c.effective === null && c.published === null))).toBe(true);
      expect(tariffs.some((h) => tariffConflicts(h).length > 0)).toBe(true);
    }
  });

  it("pages through the articles of every entity with identical cursors, batch by batch", async () => {
    let keys = entityKeys.map((k) => ({ ...k, first: 7, after: null as string | null }));
    let pages = 0;
    while (keys.length > 0) {
      const answers = await same((s) => s.articlesOfEntities(keys));
      pages += answers.length;
      keys = keys.flatMap((k, i) => (answers[i]!.hasNextPage ? [{ ...k, after: answers[i]!.cursors.at(-1)! }] : []));
    }
    // Past the first page wherever an entity has more than 7 articles (the generated corpus).
    if (corpus.articles.length > 7) expect(pages).toBeGreaterThan(entityKeys.length);
  });

  it("lists, filters and pages articles the same way, date bounds inclusive", async () => {
    const dated = corpus.articles
      .filter((a) => a.publishedAt)
      .map((a) => a.publishedAt!)
      .sort();
    const mid = dated[Math.floor(dated.length / 2)]!;
    const person = corpus.articles.flatMap((a) => a.mentions).find((m) => m.entityType === "PERSON")!.entityId;
    const country = corpus.articles.flatMap((a) => a.mentions).find((m) => m.entityType === "COUNTRY")!.entityId;
    const organization = corpus.articles.flatMap((a) => a.mentions).find((m) => m.entityType === "ORGANIZATION")?.entityId ?? "none";
    const filters: ArticleFilterInput[] = [
      { organizationId: organization },
      { organizationId: organization, countryCode: country, publishedAfter: mid },
      {},
      { personId: person },
      { countryCode: country },
      { personId: person, countryCode: country },
      { countryCode: country, publishedAfter: mid },
      { publishedAfter: dated[0], publishedBefore: mid },
      { publishedBefore: mid },
      { publishedAfter: mid, publishedBefore: mid },
      { agreementId: corpus.agreements[0]?.id ?? "none", tariffId: corpus.tariffs[0]?.id ?? "none" },
      { personId: "nobody" },
      { publishedAfter: "2999-01-01T00:00:00.000Z" },
    ];
    for (const filter of filters) {
      const pages = await walk((s, after) => s.listArticles(filter, { first: 9, after }));
      expect(pages.at(-1)!.hasNextPage).toBe(false);
    }
  });

  it("filters articles by text the same way: words, plurals, synonyms, entity names, with other filters", async () => {
    const article = corpus.articles.find((a) => a.headline) ?? corpus.articles[0]!;
    const words = article.body.split(/[^\p{L}]+/u).filter((w) => w.length > 4);
    const country = corpus.countries.find((c) => c.aliases.length > 0) ?? corpus.countries[0]!;
    const person = corpus.people[0]!;
    const texts = [
      words[0]!,
      `${words[1]} ${words[2]}`,
      `${words[3]!.toUpperCase()}s`,
      "deal",
      "tariffs on goods",
      country.name,
      ...country.aliases,
      `${country.name} ${words[4]}`,
      person.name,
      `${words[0]!.slice(0, -1)}x`, // a typo: a filter takes words as written
      "the of and",
      "zyzzyva",
    ];
    for (const text of texts) {
      for (const filter of [{ text }, { text, countryCode: country.code }, { text, publishedAfter: "2025-01-01T00:00:00Z" }]) {
        const pages = await walk((s, after) => s.listArticles(filter, { first: 25, after }));
        expect(pages.at(-1)!.hasNextPage).toBe(false);
      }
    }
    // The texts are not all empty-handed: most find something.
    const found = await Promise.all(texts.map((text) => memory.listArticles({ text }, { first: 1 })));
    expect(found.filter((p) => p.totalCount > 0).length).toBeGreaterThan(texts.length / 2);
  });

  it("finds and ranks the same entities by name, to the last bit of the score, with the same highlights", async () => {
    const person = corpus.people[0]!;
    const queries = [
      "Japan",
      "united",
      "U.S.",
      person.name,
      person.name.slice(0, 4),
      `${person.name.split(" ")[0]}x`,
      "trade deal",
      "tariff on steel",
      "zyzzyva",
      "",
      ...(corpus.organizations ?? []).slice(0, 12).flatMap((o) => [o.name, ...o.aliases]),
      "societe generale",
      "central bank",
    ];
    for (const query of queries) {
      await same((s) => s.search({ query, types: ["PERSON", "COUNTRY", "AGREEMENT", "TARIFF"], first: 50 }));
      await same((s) => s.search({ query, types: [...ENTITY_KINDS], first: 50 }));
      await same((s) => s.search({ query, types: ["ORGANIZATION"], first: 5 }));
    }
  });

  it("lists, searches and pages people by folded name", async () => {
    for (const name of [null, "", "a", "ZOE", "hernandez", "ë", "nobody at all"]) {
      await walk((s, after) => s.listPeople(name, { first: 4, after }));
    }
  });

  it("lists, filters and pages organizations by folded name and kind", async () => {
    const party = corpus.organizations?.find((o) => o.kind === "POLITICAL_PARTY");
    const names = [null, "", "a", "SOCIETE", "aciers", "é", "g20", party?.name ?? "party", party?.aliases[0] ?? "x", "nobody at all"];
    for (const name of names) {
      for (const category of [null, "INTERNATIONAL_BODY", "GOVERNMENT_BODY", "COMPANY", "POLITICAL_PARTY", "OTHER"]) {
        await walk((s, after) => s.listByName("ORGANIZATION", { name, category }, { first: 4, after }));
      }
    }
    if (corpus.organizations?.length) {
      const all = await memory.listByName("ORGANIZATION", {}, { first: 100 });
      expect(all.totalCount).toBe(corpus.organizations.length);
    }
  });

  it("lists countries, agreements and tariffs the same way", async () => {
    await same((s) => s.listCountries());
    const parties = [null, "ZZ", ...new Set(corpus.agreements.flatMap((a) => a.parties))];
    for (const party of parties) {
      for (const kind of [null, "TRADE", "SECURITY", "INVESTMENT", "OTHER"] as const) await same((s) => s.listAgreements(party, kind));
    }
    const t = corpus.tariffs[0];
    for (const filter of [
      {},
      { imposedBy: t?.imposedBy },
      { appliesTo: t?.appliesTo },
      { product: t?.product.slice(1, 4).toUpperCase() },
      { product: "" },
    ]) {
      await same((s) => s.listTariffs(filter));
    }
  });

  it("ranks the entities mentioned together the same way, to the last bit of the score", async () => {
    const keys = entityKeys.flatMap((k) => [
      { ...k, first: 10 },
      { ...k, first: 3, types: ["PERSON" as const] },
      { ...k, first: 5, types: ["COUNTRY" as const, "TARIFF" as const] },
    ]);
    const answers = await same((s) => s.relatedEntities(keys));
    expect(answers.some((list) => list.length > 0)).toBe(true);
  });

  it("counts every entity's timeline the same way, for every interval and range", async () => {
    const dated = corpus.articles
      .filter((a) => a.publishedAt)
      .map((a) => a.publishedAt!.slice(0, 10))
      .sort();
    const ranges = [{}, { from: dated[0] }, { to: dated.at(-1) }, { from: dated[0], to: dated.at(-1) }, { from: "2999-01-01" }];
    const organizations = entityKeys.filter((k) => k.type === "ORGANIZATION").slice(0, 20);
    const keys = [...entityKeys.slice(0, 40), ...organizations].flatMap((k) =>
      (["DAY", "WEEK", "MONTH"] as const).flatMap((interval) => ranges.map((r) => ({ ...k, ...r, interval, points: 6 }))),
    );
    const answers = await same((s) => s.timelines(keys));
    expect(answers.some((points) => points.some((p) => p.count > 0))).toBe(true);
  });

  it("seeks the same way past cursors it did not issue itself", async () => {
    const id = corpus.articles[0]!.id;
    for (const ms of [null, 0, 1.5, -1e300, 1e300, Date.parse(corpus.articles[0]!.publishedAt ?? "2025-01-01")]) {
      const after = encodeCursor("a", [ms, id]);
      await same((s) => s.listArticles({}, { first: 5, after }));
      await same((s) => s.articlesOfEntities([{ type: "COUNTRY", id: corpus.countries[0]!.code, first: 5, after }]));
    }
    await same((s) => s.listPeople(null, { first: 3, after: encodeCursor("p", ["m", ""]) }));
    await same((s) => s.listByName("ORGANIZATION", { category: "COMPANY" }, { first: 3, after: encodeCursor("o", ["m", ""]) }));
    const organization = corpus.organizations?.[0]?.id ?? "none";
    await same((s) => s.articlesOfEntities([{ type: "ORGANIZATION", id: organization, first: 5, after: encodeCursor("a", [0, id]) }]));
  });

  /** Walks a list from its first page to its last on both stores, expecting identical pages. */
  async function walk(list: (store: Store, after: string | null) => Promise<Page>): Promise<Page[]> {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page: Page = await same((s) => list(s, after));
      pages.push(page);
      after = page.hasNextPage ? page.cursors.at(-1)! : null;
    } while (after !== null);
    return pages;
  }
});

/** Given a record, returns a copy without its null-valued fields. */
function withoutNulls<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as Partial<T>;
}

describe("over GraphQL", () => {
  // Every field of the contract, each list paged, each relation followed: the two servers must
  // give byte-identical answers to all of it.
  const operations: [string, string, Record<string, unknown>?][] = [
    [
      "article pages with every relation",
      `query($after: String) { articles(first: 40, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id headline lead body dateline publishedAt source copyright
          people { id name aliases description nationality { code } roles { title current start end country { code } } }
          countries { code name aliases leaders { id } agreements { id } tariffsImposed { id } tariffsFaced { id } }
          agreements { id name kind concluded summary parties { code } tariffs { id }
            commitments { party { code } description amount { amount currency } sectors } evidence { quote start end article { id } } }
          tariffs { id product ratePercent previousRatePercent imposedBy { code } appliesTo { code } agreement { id } evidence { quote start end } }
          unresolved { entityType text start end reason }
          mentions { text start end entity { __typename ... on Person { id } ... on Country { code } ... on Agreement { id } ... on Tariff { id } } } } } } }`,
    ],
    [
      "organizations with every relation",
      `{ organizations(first: 100) { totalCount pageInfo { hasNextPage endCursor }
           nodes { id name aliases kind country { code name } members { code }
             articles(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id } }
             timeline(interval: MONTH) { date count articleCount } } }
         wto: related(entity: { type: ORGANIZATION, id: "wto" }, first: 10) { score articleCount
           entity { __typename ... on Organization { id } ... on Country { code } ... on Person { id } ... on Tariff { id } } }
         bodies: organizations(kind: INTERNATIONAL_BODY) { totalCount nodes { id } }
         named: organizations(name: "bank", first: 5) { totalCount nodes { id name } }
         articles(first: 100) { nodes { id organizations { id } mentions { entity { ... on Organization { id kind } } } } }
         people(first: 100) { nodes { id roles { title organization { id name } } } }
         search(query: "central bank", types: [ORGANIZATION], first: 10) { score entity { ... on Organization { id } } } }`,
    ],
    [
      "every entity's articles",
      `{ people(first: 100) { totalCount nodes { id articles(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }
         countries { code articles(first: 5) { totalCount edges { cursor node { id publishedAt } } } }
         agreements { id articles { totalCount nodes { id } } }
         tariffs { id articles(first: 2) { totalCount pageInfo { hasNextPage } } } }`,
    ],
    [
      "histories",
      `{ tariffs { id ratePercent previousRatePercent disputed
           history { ratePercent previousRatePercent status effective evidence { quote start end article { id publishedAt } } }
           conflicts { date changes { ratePercent status effective evidence { start article { id } } } }
           a: rateAsOf(date: "2025-01-01") b: rateAsOf(date: "2025-03-14") c: rateAsOf(date: "2025-06-30") d: rateAsOf(date: "2030-01-01") }
         agreements { id status history { status effective evidence { quote article { id } } } }
         people(first: 100) { nodes { id roles { title start end evidence { quote start end article { id } } } } } }`,
    ],
    [
      "filters",
      `{ a: articles(filter: { publishedAfter: "2025-01-01T00:00:00Z" }, first: 50) { totalCount nodes { id } }
         b: articles(filter: { publishedBefore: "2025-06-30T23:59:59Z" }, first: 50) { totalCount nodes { id } pageInfo { hasNextPage } }
         c: people(name: "a", first: 10) { totalCount nodes { id name } pageInfo { endCursor hasNextPage } }
         d: tariffs(product: "e") { id } e: agreements(kind: TRADE) { id } f: countries { code name } }`,
    ],
    [
      "federation entities",
      `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Article { id headline } ... on Person { id name }
         ... on Country { code name } ... on Agreement { id name } ... on Tariff { id product } ... on Organization { id name kind } } }`,
    ],
    [
      "unknown ids and bad cursors",
      `{ article(id: "nope") { id } person(id: "nope") { id } country(code: "zz") { code }
         people(after: "bm90LWEtY3Vyc29y") { totalCount } }`,
    ],
  ];

  let corpus: CorpusRecord;
  let servers: RunningServer[];
  beforeAll(async () => {
    // Smaller than above: the store lookups are compared exhaustively there; here every field.
    corpus = awkwardCorpus(120);
    // A cost limit high enough for the deep queries below: this file compares answers, not limits.
    const config = { port: 0, host: "127.0.0.1", production: true, maxPageSize: 100, maxBodyBytes: 1 << 20, maxCost: 1_000_000 };
    servers = await Promise.all([new MemoryStore(corpus), await postgresStoreOf(corpus)].map((store) => startServer({ store, config })));
    return async () => void (await Promise.all(servers.map((s) => s.stop())));
  });

  it.each(operations)("answers %s identically on both stores", async (name, query, fixed) => {
    const reps = [
      ...corpus.articles.slice(0, 5).map((a) => ({ __typename: "Article", id: a.id })),
      ...corpus.people.slice(0, 5).map((p) => ({ __typename: "Person", id: p.id })),
      { __typename: "Country", code: corpus.countries[0]!.code },
      { __typename: "Tariff", id: corpus.tariffs[0]!.id },
      ...(corpus.organizations ?? []).slice(0, 3).map((o) => ({ __typename: "Organization", id: o.id })),
      { __typename: "Organization", id: "missing" },
      { __typename: "Agreement", id: "missing" },
    ];
    const variables = fixed ?? { reps };
    const ask = async (server: RunningServer, after?: string) => {
      const res = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { ...variables, after } }),
      });
      return res.text();
    };
    let after: string | undefined;
    let pages = 0;
    do {
      const [fromMemory, fromPostgres] = await Promise.all(servers.map((s) => ask(s, after)));
      expect(fromPostgres).toBe(fromMemory);
      const answer = JSON.parse(fromMemory!);
      // Equal errors are not equal answers: only the last operation is meant to fail, per field.
      if (name.startsWith("unknown")) expect(answer.errors).toHaveLength(1);
      else expect(answer.errors).toBeUndefined();
      // The first operation pages through every article: follow endCursor to the last page.
      after = answer.data?.articles?.pageInfo?.hasNextPage ? answer.data.articles.pageInfo.endCursor : undefined;
      pages += 1;
    } while (after && query.includes("$after"));
    if (query.includes("$after")) expect(pages).toBe(Math.ceil(corpus.articles.length / 40));
  });
});
