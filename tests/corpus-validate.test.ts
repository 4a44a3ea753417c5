// The corpus validator's contract: every way a corpus file can be wrong is rejected with a
// CorpusError naming the file, the JSON path and the rule, and the shipped corpus obeys the rules.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../src/corpus/CorpusError.js";
import type { CorpusRecord, TariffChangeRecord } from "../src/corpus/format.js";
import { loadCorpusFile } from "../src/corpus/load.js";

const TINY = "tests/fixtures/tiny-corpus.json";
const GOLD = "data/seed.json";
const tiny: CorpusRecord = JSON.parse(readFileSync(TINY, "utf8"));

/** Given an edit, returns the tiny fixture's JSON text with the edit applied to a fresh copy. */
function mutated(edit: (corpus: CorpusRecord) => void): string {
  const corpus = structuredClone(tiny);
  edit(corpus);
  return JSON.stringify(corpus);
}

/** A valid observation of the fixture's car tariff: 15 percent in effect, said by tiny-tariff. */
const observation = (): TariffChangeRecord => ({
  ratePercent: 15,
  previousRatePercent: null,
  status: "IN_EFFECT",
  effective: "2025-09-16",
  evidence: structuredClone(tiny.tariffs[0].evidence[0]),
});

/** Given a record, returns it untyped, so a mutation can delete or retype a key the format requires. */
const loose = (record: object) => record as Record<string, unknown>;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "corpus-validate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadCorpusFile rejects a bad corpus with a CorpusError naming file, path and rule", () => {
  // contents: what the file holds; null means the file does not exist.
  it.each([
    { name: "text that is not JSON", contents: '{ "version": 1, ', path: "$", words: ["not valid JSON"] },
    { name: "a missing file", contents: null, path: "$", words: ["cannot read the file", "ENOENT"] },
    {
      name: "an article without a body",
      contents: mutated((c) => delete loose(c.articles[0]).body),
      path: "$.articles[0].body",
      words: ["expected string, received undefined"],
    },
    {
      name: "a span offset of the wrong type",
      contents: mutated((c) => (loose(c.articles[1].mentions[0]).start = "4")),
      path: "$.articles[1].mentions[0].start",
      words: ["expected number, received string"],
    },
    {
      name: "a lower-case country code",
      contents: mutated((c) => (c.countries[1].code = "us")),
      path: "$.countries[1].code",
      words: ["upper-case ISO 3166-1 alpha-2"],
    },
    {
      // The duplicate has another body: evidence for tiny-deal must still be checked against the first.
      name: "a duplicate article id",
      contents: mutated((c) => c.articles.push({ ...c.articles[1], id: c.articles[0].id })),
      path: "$.articles[2].id",
      words: ['duplicate id "tiny-deal"', "$.articles[0]"],
    },
    {
      name: "a duplicate person id",
      contents: mutated((c) => c.people.push({ ...c.people[0], name: "Someone Else" })),
      path: "$.people[1].id",
      words: ['duplicate id "sanae-takaichi"', "$.people[0]"],
    },
    {
      name: "a duplicate country code",
      contents: mutated((c) => c.countries.push({ code: "JP", name: "Nippon", aliases: [] })),
      path: "$.countries[2].code",
      words: ['duplicate code "JP"', "$.countries[0]"],
    },
    {
      name: "a mention of an unknown person",
      contents: mutated((c) => (c.articles[0].mentions[0].entityId = "nobody")),
      path: "$.articles[0].mentions[0].entityId",
      words: ['person "nobody" does not exist'],
    },
    {
      name: "a mention of an unknown country",
      contents: mutated((c) => (c.articles[1].mentions[2].entityId = "KR")),
      path: "$.articles[1].mentions[2].entityId",
      words: ['country "KR" does not exist'],
    },
    {
      name: "a role in an unknown country",
      contents: mutated((c) => (c.people[0].roles[0].country = "ZZ")),
      path: "$.people[0].roles[0].country",
      words: ['country "ZZ" is not in $.countries'],
    },
    {
      name: "an unknown nationality",
      contents: mutated((c) => (c.people[0].nationality = "ZZ")),
      path: "$.people[0].nationality",
      words: ['country "ZZ" is not in $.countries'],
    },
    {
      name: "an agreement party that is an unknown country",
      contents: mutated((c) => (c.agreements[0].parties[1] = "ZZ")),
      path: "$.agreements[0].parties[1]",
      words: ['country "ZZ" is not in $.countries'],
    },
    {
      name: "a tariff under an unknown agreement",
      contents: mutated((c) => (c.tariffs[0].agreementId = "no-such-deal")),
      path: "$.tariffs[0].agreementId",
      words: ['agreement "no-such-deal" is not in $.agreements'],
    },
    {
      name: "evidence from an unknown article",
      contents: mutated((c) => (c.agreements[0].evidence[0].articleId = "no-such-article")),
      path: "$.agreements[0].evidence[0].articleId",
      words: ['article "no-such-article" is not in $.articles'],
    },
    {
      name: "a mention span past the end of the body",
      contents: mutated((c) => {
        const m = c.articles[1].mentions[1];
        m.end = c.articles[1].body.length + 1;
      }),
      path: "$.articles[1].mentions[1].end",
      words: ["past the end of the body", `length ${tiny.articles[1].body.length}`],
    },
    {
      name: "a mention span whose end is not after its start",
      contents: mutated((c) => (c.articles[0].mentions[2].end = c.articles[0].mentions[2].start)),
      path: "$.articles[0].mentions[2].end",
      words: ["end (44) must be greater than start (44)"],
    },
    {
      name: "a mention text that is not the body slice",
      contents: mutated((c) => (c.articles[0].mentions[0].text = "Takaichi Sanae")),
      path: "$.articles[0].mentions[0].text",
      words: ['"Takaichi Sanae" does not equal body.slice(0, 14) = "Sanae Takaichi"'],
    },
    {
      name: "an evidence quote that is not the body slice",
      contents: mutated((c) => (c.tariffs[0].evidence[0].quote = "The U.S. cut its tariff.")),
      path: "$.tariffs[0].evidence[0].quote",
      words: ['"The U.S. cut its tariff." does not equal body.slice(0, 55)'],
    },
    {
      name: "a tariff observation quoting an unknown article",
      contents: mutated(
        (c) => (c.tariffs[0].history = [{ ...observation(), evidence: { ...observation().evidence, articleId: "no-such-article" } }]),
      ),
      path: "$.tariffs[0].history[0].evidence.articleId",
      words: ['article "no-such-article" is not in $.articles'],
    },
    {
      name: "a tariff observation whose quote is not at its span",
      contents: mutated((c) => (c.tariffs[0].history = [{ ...observation(), evidence: { ...observation().evidence, start: 1 } }])),
      path: "$.tariffs[0].history[0].evidence.quote",
      words: ["does not equal body.slice(1, 55)"],
    },
    {
      name: "a tariff observation of an unknown status",
      contents: mutated((c) => (c.tariffs[0].history = [{ ...observation(), status: "RUMOURED" as "IN_EFFECT" }])),
      path: "$.tariffs[0].history[0].status",
      words: ["IN_EFFECT", "THREATENED"],
    },
    {
      name: "a rate that its history does not give",
      // Only announced: the rate in effect is unknown, so 15 must not be stated as it.
      contents: mutated((c) => (c.tariffs[0].history = [{ ...observation(), status: "ANNOUNCED" }])),
      path: "$.tariffs[0].ratePercent",
      words: ["15 is not what $.tariffs[0].history gives (null)"],
    },
    {
      name: "an effective date that is not ISO 8601",
      contents: mutated((c) => (c.tariffs[0].history = [{ ...observation(), effective: "April 2025" }])),
      path: "$.tariffs[0].history[0].effective",
      words: ["ISO 8601 date"],
    },
    {
      name: "an agreement status step whose quote is not at its span",
      contents: mutated(
        (c) =>
          (c.agreements[0].history = [
            { status: "FRAMEWORK", effective: "2025-07", evidence: { ...c.agreements[0].evidence[0], end: 80 } },
          ]),
      ),
      path: "$.agreements[0].history[0].evidence.quote",
      words: ["does not equal body.slice(44, 80)"],
    },
    {
      name: "role evidence quoting an unknown article",
      contents: mutated((c) => (c.people[0].roles[0].evidence = [{ ...c.agreements[0].evidence[0], articleId: "no-such-article" }])),
      path: "$.people[0].roles[0].evidence[0].articleId",
      words: ['article "no-such-article" is not in $.articles'],
    },
    {
      name: "an unresolved reference whose text is not the body slice",
      contents: mutated((c) => (c.articles[1].unresolved = [{ text: "its levy", start: 13, end: 23, reason: "no target country stated" }])),
      path: "$.articles[1].unresolved[0].text",
      words: ['"its levy" does not equal body.slice(13, 23) = "its tariff"'],
    },
    {
      name: "an unknown property",
      contents: mutated((c) => (loose(c.articles[0]).summary = "not in the format")),
      path: "$.articles[0]",
      words: ['Unrecognized key: "summary"'],
    },
  ])("rejects $name", async ({ name, contents, path, words }) => {
    const file = join(dir, `${name.replaceAll(" ", "-")}.json`);
    if (contents !== null) await writeFile(file, contents);

    const error = await loadCorpusFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(CorpusError);
    const { file: named, problems, message } = error as CorpusError;
    expect(named).toBe(file);
    expect(message).toContain(file);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(path);
    for (const word of words) expect(problems[0].reason).toContain(word);
  });
});

describe("valid corpora load", () => {
  it("loads histories, role evidence and unresolved references, the rate fields agreeing with the history", async () => {
    const file = join(dir, "with-history.json");
    const text = mutated((c) => {
      c.tariffs[0].previousRatePercent = 27.5;
      c.tariffs[0].history = [
        { ...observation(), ratePercent: 27.5, previousRatePercent: 2.5, effective: "2025-04" },
        { ...observation(), ratePercent: 25, status: "THREATENED", effective: null },
        observation(),
      ];
      c.agreements[0].history = [{ status: "FRAMEWORK", effective: "2025-07", evidence: c.agreements[0].evidence[0] }];
      c.people[0].roles[0].evidence = [{ articleId: "tiny-deal", quote: "Sanae Takaichi met U.S. officials in Tokyo.", start: 0, end: 43 }];
      c.articles[1].unresolved = [{ entityType: "TARIFF", text: "its tariff", start: 13, end: 23, reason: "no target country stated" }];
    });
    await writeFile(file, text);
    const corpus = await loadCorpusFile(file);
    expect(corpus.tariffs[0].history).toHaveLength(3);
    expect(corpus.articles[1].unresolved).toEqual([
      { entityType: "TARIFF", text: "its tariff", start: 13, end: 23, reason: "no target country stated" },
    ]);
  });

  it("loads the tiny fixture", async () => {
    const corpus = await loadCorpusFile(TINY);
    expect(corpus.articles.map((a) => a.mentions.length)).toEqual([5, 3]);
  });

  it("loads data/seed.json", async () => {
    const corpus = await loadCorpusFile(GOLD);
    expect(corpus.articles.map((a) => a.id)).toEqual(["kyodo-20251028-takaichi-trump-summit"]);
    expect(corpus.people.map((p) => p.id).sort()).toEqual(["donald-trump", "sanae-takaichi", "shinzo-abe", "xi-jinping"]);
    expect(corpus.countries.map((c) => c.code).sort()).toEqual(["CN", "JP", "KP", "KR", "MY", "US"]);
  });
});

describe("data/seed.json: the gold annotation", () => {
  const gold: CorpusRecord = JSON.parse(readFileSync(GOLD, "utf8"));
  const [article] = gold.articles;
  const { body, mentions } = article;
  /** Every start offset of `needle` in the body. */
  const offsetsOf = (needle: string) => {
    const found: number[] = [];
    for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) found.push(i);
    return found;
  };
  const at = (start: number, type: string) => mentions.filter((m) => m.start === start && m.entityType === type);

  it("has every mention and evidence span equal to its body slice, mentions sorted by start", () => {
    const spans = [
      ...mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
      ...[...gold.agreements, ...gold.tariffs].flatMap((r) => r.evidence.map((e) => ({ start: e.start, end: e.end, text: e.quote }))),
    ];
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
    const starts = mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("keeps the dateline and copyright out of the body and the lead as its first sentence", () => {
    expect(article.dateline).toBe("TOKYO");
    expect(article.copyright).toBe("Copyright kyodonews");
    expect(body.startsWith("Japan's new Prime Minister Sanae Takaichi")).toBe(true);
    expect(body.endsWith("Xi Jinping on Thursday.")).toBe(true);
    expect(body.startsWith(`${article.lead} `)).toBe(true);
  });

  it("does not tag the aircraft carrier George Washington as the United States", () => {
    const [carrier] = offsetsOf("George Washington");
    expect(carrier).toBeGreaterThan(0);
    expect(mentions.filter((m) => m.start >= carrier && m.start < carrier + "George Washington".length)).toEqual([]);
    expect(mentions.filter((m) => m.text === "Washington").length).toBe(offsetsOf("Washington").length - 1);
  });

  it("does not tag China inside the South China seas", () => {
    const [sea] = offsetsOf("East and South China seas");
    expect(mentions.filter((m) => m.start >= sea && m.end <= sea + "East and South China seas".length)).toEqual([]);
  });

  it("tags Tokyo as Japan only where it stands for the state", () => {
    const metonym = body.indexOf("Tokyo and Washington have been beefing up");
    expect(mentions.filter((m) => m.text === "Tokyo")).toEqual([
      { entityType: "COUNTRY", entityId: "JP", text: "Tokyo", start: metonym, end: metonym + 5 },
    ]);
    expect(offsetsOf("Tokyo")).toHaveLength(4); // in Tokyo on Tuesday, arrival in Tokyo, southwest of Tokyo: places
  });

  it("tags the tariffs the deal changed, not U.S. tariffs in general", () => {
    const general = body.indexOf("high U.S. tariffs") + "high ".length;
    expect(at(general, "TARIFF")).toEqual([]);
    expect(at(general, "COUNTRY").map((m) => m.entityId)).toEqual(["US"]);
    expect(mentions.filter((m) => m.entityType === "TARIFF").map((m) => [m.entityId, m.text])).toEqual([
      ["us-tariff-japan-goods", "U.S. tariffs on goods from Japan"],
      ["us-tariff-japan-automobiles", "the levy on automobiles"],
    ]);
  });

  it("links the former Japanese prime minister to Shinzo Abe and its demonym to Japan", () => {
    const start = body.indexOf("the former Japanese prime minister");
    expect(at(start, "PERSON").map((m) => m.entityId)).toEqual(["shinzo-abe"]);
    expect(at(start + "the former ".length, "COUNTRY").map((m) => m.entityId)).toEqual(["JP"]);
  });
});
