// Ingestion, measured: the seed article ingested alone against the hand-made corpus, three more
// hand-annotated articles against their expected entities, merging without duplicates, the
// command's errors, and the service serving what was ingested.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../scripts/ingest.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { validateCorpus } from "../src/corpus/validate.js";
import { emptyCorpus, ingestTexts } from "../tools/ingest/pipeline.js";
import { seedCorpus, startTestServer, type TestServer } from "./harness.js";
import {
  annotationOfCorpus,
  annotationOfExpected,
  EXPECTED_MENTION_TYPES,
  CATEGORIES,
  formatScores,
  score,
  type Annotation,
  type ExpectedArticle,
  type Score,
} from "./ingestScore.js";

const FIXTURES = "tests/fixtures/ingest";
/** A byte-for-byte copy of /work/shared/seeds/000_99f89a673052f139.txt, the hand-made corpus's source. */
const SEED_FILE = `${FIXTURES}/seed-kyodo-takaichi-trump-summit.txt`;
const THRESHOLD = 0.95;

let gold: CorpusRecord;
let seedText: string;
let ingested: CorpusRecord;

beforeAll(async () => {
  gold = await seedCorpus();
  seedText = await readFile(SEED_FILE, "utf8");
  // The publication time is metadata the text does not carry; the hand-made article records it.
  ingested = ingestTexts(emptyCorpus(), [{ file: SEED_FILE, text: seedText }], { published: gold.articles[0].publishedAt }).corpus;
});

/** Scores every category, logs the table, and returns the categories below the threshold with their differences. */
function measure(title: string, predicted: Annotation, expected: Annotation): Record<string, Score> {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(predicted[c], expected[c])]));
  const sizes = Object.fromEntries(CATEGORIES.map((c) => [c, expected[c].size]));
  console.log(formatScores(title, scores, sizes));
  return Object.fromEntries(Object.entries(scores).filter(([, s]) => s.precision < THRESHOLD || s.recall < THRESHOLD));
}

describe("the seed article, ingested alone, against the hand-made corpus", () => {
  it(`finds its people, countries, mentions, agreements, tariffs and their facts at precision and recall >= ${THRESHOLD}`, () => {
    expect(ingested.articles).toHaveLength(1);
    const below = measure(
      "seed article vs data/corpus.json",
      annotationOfCorpus(ingested, ingested.articles[0].id),
      annotationOfCorpus(gold, gold.articles[0].id),
    );
    expect(below).toEqual({});
  });

  it("splits copyright line, dateline, lead and body as the hand-made article does", () => {
    const [article] = ingested.articles;
    const [hand] = gold.articles;
    expect(article).toMatchObject({
      body: hand.body,
      lead: hand.lead,
      dateline: hand.dateline,
      copyright: hand.copyright,
      source: hand.source,
      publishedAt: hand.publishedAt,
    });
  });

  it("derives the hand-made corpus's ids from names, parties and products", () => {
    const ids = (c: CorpusRecord) => ({
      people: c.people.map((p) => p.id).sort(),
      agreements: c.agreements.map((a) => a.id).sort(),
      tariffs: c.tariffs.map((t) => t.id).sort(),
    });
    expect(ids(ingested)).toEqual(ids(gold));
  });

  it("gives the same corpus every time", () => {
    const again = ingestTexts(emptyCorpus(), [{ file: SEED_FILE, text: seedText }], { published: gold.articles[0].publishedAt }).corpus;
    expect(JSON.stringify(again)).toBe(JSON.stringify(ingested));
  });
});

describe("hand-annotated fixture articles", async () => {
  const names = (await readdir(FIXTURES)).filter((f) => f.endsWith(".expected.json")).map((f) => f.replace(/\.expected\.json$/, ""));

  it("has at least three of them", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it.each(names)(`%s: entities, mentions and facts at precision and recall >= ${THRESHOLD}`, async (name) => {
    const text = await readFile(`${FIXTURES}/${name}.txt`, "utf8");
    const expected = JSON.parse(await readFile(`${FIXTURES}/${name}.expected.json`, "utf8")) as ExpectedArticle;
    const { corpus } = ingestTexts(emptyCorpus(), [{ file: name, text }], { published: expected.published });
    validateCorpus(corpus, name);
    const [article] = corpus.articles;
    expect(article.dateline).toBe(expected.dateline);
    expect(
      measure(
        name,
        annotationOfCorpus(corpus, article.id, { mentionTypes: EXPECTED_MENTION_TYPES }),
        annotationOfExpected(expected, article.body),
      ),
    ).toEqual({});
  });
});

describe("merging into a corpus", () => {
  const fixture = (name: string) => readFile(`${FIXTURES}/${name}.txt`, "utf8").then((text) => ({ file: name, text }));

  it("makes the same person and tariff found in two articles one entity with mentions in both", async () => {
    const inputs = [await fixture("us-china-tariffs-2019"), await fixture("osaka-g20-2019")];
    const { corpus } = ingestTexts(emptyCorpus(), inputs, { published: "2019-06-29" });
    validateCorpus(corpus, "merged");
    expect(corpus.articles).toHaveLength(2);
    expect(corpus.people.filter((p) => p.name === "Donald Trump")).toHaveLength(1);
    const goods = corpus.tariffs.filter((t) => t.imposedBy === "US" && t.appliesTo === "CN" && t.product === "goods");
    expect(goods).toHaveLength(1);
    expect(new Set(goods[0].evidence.map((e) => e.articleId))).toEqual(new Set(corpus.articles.map((a) => a.id)));
    for (const article of corpus.articles) {
      expect(article.mentions.filter((m) => m.entityId === "donald-trump").length).toBeGreaterThan(0);
      expect(article.mentions.filter((m) => m.entityId === goods[0].id)).toHaveLength(1);
    }
  });

  it("adds a new article to the hand-made corpus without duplicating the entities it already holds", async () => {
    const { corpus, articles } = ingestTexts(gold, [await fixture("osaka-g20-2019")], { published: "2019-06-29" });
    validateCorpus(corpus, "merged");
    expect(corpus.articles.map((a) => a.id)).toEqual([gold.articles[0].id, articles[0].articleId]);
    expect(corpus.people.map((p) => p.id)).toEqual(gold.people.map((p) => p.id));
    expect(corpus.countries.map((c) => c.code)).toEqual(gold.countries.map((c) => c.code));
    // Its one new organization is Huawei; the Group of 20 is the seed's.
    expect(articles[0].added).toEqual({ people: 0, countries: 0, agreements: 0, tariffs: 1, organizations: 1 });
    const osaka = corpus.articles[1];
    const people = new Set(osaka.mentions.filter((m) => m.entityType === "PERSON").map((m) => m.entityId));
    expect(people).toEqual(new Set(["donald-trump", "xi-jinping", "shinzo-abe"]));
    // The Japan-U.S. security treaty is the hand-made corpus's Japan-U.S. security alliance, by kind and parties.
    expect(osaka.mentions.filter((m) => m.entityType === "AGREEMENT").map((m) => m.entityId)).toEqual(["japan-us-security-alliance"]);
    expect(osaka.mentions.filter((m) => m.entityType === "ORGANIZATION").map((m) => m.entityId)).toEqual(["g20", "huawei-technologies"]);
    expect(corpus.agreements.find((a) => a.id === "japan-us-security-alliance")!.evidence.at(-1)!.articleId).toBe(osaka.id);
  });

  it("leaves the corpus as it was when the article is already in it", () => {
    const { corpus, articles } = ingestTexts(gold, [{ file: SEED_FILE, text: seedText }], { published: gold.articles[0].publishedAt });
    expect(articles[0]).toMatchObject({ alreadyPresent: true, articleId: gold.articles[0].id, unresolved: [] });
    expect(corpus).toEqual(gold);
  });
});

describe("merging a tariff's observations", () => {
  // Two reports of the same tariff, months apart, in our own words.
  const april = {
    file: "april",
    text: "Copyright Tiny Wire\n\nWASHINGTON - The United States raised its tariff on Japanese automobiles to 27.5 percent from 2.5 percent on Thursday. Carmakers in Japan warned of lost sales.\n",
  };
  const september = {
    file: "september",
    text: "Copyright Tiny Wire\n\nTOKYO - The United States cut its tariff on Japanese automobiles to 15 percent from 27.5 percent on Tuesday. Toyota welcomed the cut.\n",
  };
  const ingestOne = (base: CorpusRecord, input: { file: string; text: string }, published: string) =>
    ingestTexts(base, [input], { published }).corpus;
  const autos = (c: CorpusRecord) => c.tariffs.filter((t) => t.product === "automobiles");
  const steps = (c: CorpusRecord) =>
    autos(c)[0].history!.map((h) => [h.ratePercent, h.previousRatePercent, h.evidence.articleId, h.evidence.quote]);

  it.each([
    [
      "in publication order",
      [
        [april, "2025-04-03"],
        [september, "2025-09-16"],
      ],
    ],
    [
      "the older article last",
      [
        [september, "2025-09-16"],
        [april, "2025-04-03"],
      ],
    ],
  ] as const)("keeps one tariff whose history holds both steps oldest first with their evidence, %s", (_, order) => {
    let corpus = emptyCorpus();
    for (const [input, published] of order) corpus = ingestOne(corpus, input, published);
    validateCorpus(corpus, "merged");
    expect(autos(corpus)).toHaveLength(1);
    const [first, second] = [...corpus.articles].sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
    expect(steps(corpus).map(([rate, previous, article]) => [rate, previous, article])).toEqual([
      [27.5, 2.5, first.id],
      [15, 27.5, second.id],
    ]);
    for (const [, , article, quote] of steps(corpus)) {
      const { body } = corpus.articles.find((a) => a.id === article)!;
      expect(body).toContain(quote);
    }
    // The rate in effect is the latest step's, whichever article came in last.
    expect(autos(corpus)[0]).toMatchObject({ ratePercent: 15, previousRatePercent: 27.5 });
  });

  it("keeps each observation's own sentence when a tariff known without a rate gains one", () => {
    // The seed states the U.S. tariff on Japanese goods without a rate; a later article gives one.
    const later = {
      file: "goods",
      text: "Copyright Tiny Wire\n\nTOKYO - The United States raised its tariff on most goods from Japan to 15 percent from 10 percent on Thursday.\n",
    };
    const corpus = ingestOne(gold, later, "2025-08-07");
    validateCorpus(corpus, "merged");
    const goods = corpus.tariffs.find((t) => t.id === "us-tariff-japan-goods")!;
    expect(goods).toMatchObject({ ratePercent: 15, previousRatePercent: 10 });
    expect(goods.history!.map((h) => [h.ratePercent, h.evidence.articleId])).toEqual([[15, corpus.articles.at(-1)!.id]]);
  });

  it("adds nothing when the same article is ingested again", () => {
    const once = ingestOne(ingestOne(emptyCorpus(), april, "2025-04-03"), september, "2025-09-16");
    const twice = ingestOne(once, september, "2025-09-16");
    expect(twice).toEqual(once);
    expect(autos(twice)[0].history).toHaveLength(2);
  });

  it("writes what it could not resolve into the article", () => {
    const [article] = ingested.articles;
    expect(article.unresolved).toContainEqual({
      entityType: "TARIFF",
      text: "high U.S. tariffs",
      start: expect.any(Number),
      end: expect.any(Number),
      reason: "no product or target country stated",
    });
    for (const u of article.unresolved!) expect(article.body.slice(u.start, u.end)).toBe(u.text);
  });
});

describe("serving an ingested corpus", () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(ingested);
  });

  it("answers the README's tariff query as the hand-made corpus does", async () => {
    const query = `{ tariffs(product: "auto") { imposedBy { name } appliesTo { name } ratePercent previousRatePercent agreement { name kind concluded } } }`;
    const res = await api.query(query);
    expect(res.errors).toBeUndefined();
    expect(res.data.tariffs).toEqual([
      {
        imposedBy: { name: "United States" },
        appliesTo: { name: "Japan" },
        ratePercent: 15,
        previousRatePercent: 27.5,
        agreement: { name: "Japan-U.S. trade agreement", kind: "TRADE", concluded: "2025-07" },
      },
    ]);
  });

  it("lists the article's people and countries in order of first mention, with roles from the text", async () => {
    const id = ingested.articles[0].id;
    const res = await api.query(`{ article(id: "${id}") { people { name roles { title current country { code } } } countries { code } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.article.countries.map((c: { code: string }) => c.code)).toEqual(["JP", "US", "CN", "KP", "MY", "KR"]);
    expect(res.data.article.people).toEqual([
      { name: "Sanae Takaichi", roles: [{ title: "Prime Minister", current: true, country: { code: "JP" } }] },
      { name: "Donald Trump", roles: [{ title: "President", current: true, country: { code: "US" } }] },
      { name: "Shinzo Abe", roles: [{ title: "Prime Minister", current: false, country: { code: "JP" } }] },
      { name: "Xi Jinping", roles: [{ title: "President", current: true, country: { code: "CN" } }] },
    ]);
  });

  it("keeps the carrier, the seas and the cities apart from the states they are named after", async () => {
    const id = ingested.articles[0].id;
    const res = await api.query(`{ article(id: "${id}") { body mentions(type: COUNTRY) { text start end } } }`);
    const { body, mentions } = res.data.article;
    const inside = (phrase: string) => (m: { start: number; end: number }) =>
      m.start >= body.indexOf(phrase) && m.end <= body.indexOf(phrase) + phrase.length;
    for (const phrase of ["George Washington", "East and South China seas", "southwest of Tokyo", "meeting in Tokyo", "arrival in Tokyo"]) {
      expect(mentions.filter(inside(phrase)), phrase).toEqual([]);
    }
    expect(mentions.filter(inside("Tokyo and Washington have")).map((m: { text: string }) => m.text)).toEqual(["Tokyo", "Washington"]);
  });
});

describe("npm run ingest", () => {
  const run = async (args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runIngest(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    });
    return { code, stdout, stderr };
  };

  it("writes a corpus the service loads, and reports what it could not resolve", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-"));
    const out = join(dir, "c.json");
    const { code, stdout } = await run(["--out", out, SEED_FILE]);
    expect(code).toBe(0);
    const corpus = await loadCorpusFile(out);
    expect(corpus.people.map((p) => p.name)).toEqual(["Sanae Takaichi", "Donald Trump", "Shinzo Abe", "Xi Jinping"]);
    expect(stdout).toContain(`Wrote ${out}: 1 article ingested`);
    expect(stdout).toContain(`TARIFF "high U.S. tariffs": no product or target country stated`);
    // Without --published, "struck in July" has no year: reported, not guessed.
    expect(stdout).toContain(`AGREEMENT "a trade agreement struck in July": when it was concluded needs the publication date`);
  });

  it("names a bad article, exits 1 and leaves the existing corpus untouched", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-"));
    const corpusFile = join(dir, "corpus.json");
    const before = await readFile("data/corpus.json", "utf8");
    await writeFile(corpusFile, before);
    // Any prose is an article now (no dateline needed); a JSON file that is no news item is not.
    const bad = join(dir, "notes.json");
    await writeFile(bad, `{"title": "Remember to call Tokyo bureau."}\n`);
    const { code, stderr } = await run(["--corpus", corpusFile, `${FIXTURES}/osaka-g20-2019.txt`, bad]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: Cannot ingest ${bad}: no body_text, body_html or bodies[] with text; expected an IPTC ninjs item (an object with body_text, body_html or bodies[])\n`,
    );
    expect(await readFile(corpusFile, "utf8")).toBe(before);
    expect(await readdir(dir)).toEqual(["corpus.json", "notes.json"]);
  });

  it("ingests an article that names no source with a warning, and records --source when given", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-"));
    const article = join(dir, "uk.txt");
    const withCopyright = await readFile(`${FIXTURES}/japan-uk-trade-deal-2020.txt`, "utf8");
    await writeFile(article, withCopyright.replace(/^Copyright kyodonews\n\n/, ""));
    const out = join(dir, "c.json");
    const warned = await run(["--out", out, "--published", "2020-10-23", article]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      `warning: ${article}: no source named (no "(AP)"-style dateline, copyright line or publisher); recorded as "unknown" — pass --source NAME\n`,
    );
    expect((await loadCorpusFile(out)).articles[0]).toMatchObject({ source: "unknown", copyright: null, dateline: "TOKYO" });
    const accepted = await run(["--out", out, "--published", "2020-10-23", "--source", "Jiji Press", article]);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toBe("");
    const [written] = (await loadCorpusFile(out)).articles;
    expect(written).toMatchObject({ source: "Jiji Press", copyright: null, dateline: "TOKYO" });
  });

  it("names an invalid corpus to merge into and does not write", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ingest-"));
    const corpusFile = join(dir, "corpus.json");
    await writeFile(corpusFile, `{"version": 1}`);
    const { code, stderr } = await run(["--corpus", corpusFile, SEED_FILE]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^error: Invalid corpus ${corpusFile}:\\n  at \\$\\.articles: `));
    expect(await readFile(corpusFile, "utf8")).toBe(`{"version": 1}`);
  });

  it.each([
    [
      ["--out", "/tmp/x.json", "--published", "2025-13-01", SEED_FILE],
      1,
      `error: Cannot ingest --published: "2025-13-01" is not a calendar date\n`,
    ],
    [[SEED_FILE], 2, "error: give --out FILE for a new corpus, or --corpus FILE to merge into\n"],
    [["--out", "/tmp/x.json"], 2, "error: no article files given\n"],
  ])("rejects %j with exit code %i", async (args, expectedCode, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(expectedCode);
    expect(stderr.startsWith(message)).toBe(true);
  });

  it("as a process: exits non-zero with one line naming the missing file, no stack trace", () => {
    const res = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/ingest.ts", "--out", "/tmp/never-written.json", "missing-article.txt"],
      { encoding: "utf8" },
    );
    expect(res.status).toBe(1);
    expect(res.stderr).toBe("error: Cannot ingest missing-article.txt: no such file\n");
  });
});
