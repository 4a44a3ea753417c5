// The importer's streaming check (checkCorpusFile) refuses exactly what validateCorpus refuses,
// with the same CorpusError text, whether the file lists its articles before or after the
// entities they mention, and accepts a valid file with its record counts.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../src/corpus/CorpusError.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { writeCorpusFile } from "../tools/generate/generate.js";
import { checkCorpusFile } from "../src/corpus/streamCheck.js";
import { validateCorpus } from "../src/corpus/validate.js";

const tiny: CorpusRecord = JSON.parse(readFileSync("tests/fixtures/tiny-corpus.json", "utf8"));
const loose = (record: object) => record as Record<string, unknown>;

// Each breaks one or more rules; together they reach every check of the streaming path.
const breakages: [string, (c: CorpusRecord) => void][] = [
  ["a duplicate article id", (c) => c.articles.push({ ...c.articles[0]!, body: "Other text.", mentions: [] })],
  ["a duplicate person id", (c) => c.people.push({ ...c.people[0]! })],
  ["a mention of an unknown person", (c) => (c.articles[0]!.mentions[0]!.entityId = "nobody")],
  [
    "a mention of an unknown country and a wrong span in one article",
    (c) => {
      c.articles[1]!.mentions[0]!.entityId = "XX";
      c.articles[1]!.mentions[0]!.start += 1;
    },
  ],
  ["a span past the body", (c) => (c.articles[0]!.mentions[1]!.end = 10_000)],
  ["evidence quoting an article that does not exist", (c) => (c.tariffs[0]!.evidence[0]!.articleId = "missing")],
  ["evidence whose quote is not at its span", (c) => (c.agreements[0]!.evidence[0]!.start += 2)],
  [
    "a tariff observation quoting an article that does not exist",
    (c) =>
      (c.tariffs[0]!.history = [
        { status: "IN_EFFECT", ratePercent: 15, evidence: { ...c.tariffs[0]!.evidence[0]!, articleId: "missing" } },
      ]),
  ],
  [
    "a rate its history does not give",
    (c) => (c.tariffs[0]!.history = [{ status: "IN_EFFECT", ratePercent: 10, evidence: c.tariffs[0]!.evidence[0]! }]),
  ],
  [
    "an agreement status step whose quote is not at its span",
    (c) => (c.agreements[0]!.history = [{ status: "SIGNED", evidence: { ...c.agreements[0]!.evidence[0]!, start: 3 } }]),
  ],
  [
    "role evidence whose quote is not at its span",
    (c) => (c.people[0]!.roles[0]!.evidence = [{ ...c.agreements[0]!.evidence[0]!, start: 3 }]),
  ],
  ["an unresolved reference off its span", (c) => (c.articles[1]!.unresolved = [{ text: "tariff", start: 0, end: 6, reason: "none" }])],
  ["a person of an unknown nationality", (c) => (c.people[0]!.nationality = "ZZ")],
  ["a tariff under an unknown agreement", (c) => (c.tariffs[0]!.agreementId = "no-such-deal")],
  ["an article without a body (shape)", (c) => delete loose(c.articles[1]!).body],
  ["an unknown top-level key", (c) => (loose(c).extra = [])],
  [
    "many problems at once (capped)",
    (c) => {
      for (let i = 0; i < 30; i++)
        c.articles.push({
          ...c.articles[0]!,
          id: `copy-${i}`,
          mentions: [{ entityType: "PERSON", entityId: `ghost-${i}`, text: "S", start: 0, end: 1 }],
        });
    },
  ],
];

/** The corpus as JSON text with its top-level keys in the given order. */
function text(corpus: CorpusRecord, order: string[]): string {
  return JSON.stringify(
    Object.fromEntries(
      order
        .filter((k) => k in corpus)
        .map((k) => [k, loose(corpus)[k]])
        .concat(Object.entries(corpus).filter(([k]) => !order.includes(k))),
    ),
  );
}

const ORDERS = {
  "articles first": ["version", "articles", "people", "countries", "agreements", "tariffs"],
  "entities first": ["version", "countries", "people", "agreements", "tariffs", "articles"],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "stream-check-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(Object.entries(ORDERS))("checkCorpusFile, %s", (orderName, order) => {
  it.each(breakages)("rejects %s with validateCorpus's exact message", async (name, breakIt) => {
    const corpus = structuredClone(tiny);
    breakIt(corpus);
    const file = join(dir, `${orderName}-${name}.json`.replaceAll(" ", "-"));
    await writeFile(file, text(corpus, order));
    let expected: CorpusError | undefined;
    try {
      validateCorpus(JSON.parse(text(corpus, order)), file);
    } catch (error) {
      expected = error as CorpusError;
    }
    expect(expected).toBeInstanceOf(CorpusError);
    const rejection = await checkCorpusFile(file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(CorpusError);
    expect((rejection as CorpusError).message).toBe(expected!.message);
  });

  it("accepts the valid fixture and counts its records", async () => {
    const file = join(dir, `${orderName}-valid.json`);
    await writeFile(file, text(tiny, order));
    expect(await checkCorpusFile(file)).toEqual({ countries: 2, people: 1, agreements: 1, tariffs: 1, articles: 2 });
  });
});

it("accepts a generated corpus read in chunks far smaller than a record", async () => {
  const file = join(dir, "generated.json");
  await writeCorpusFile(file, { articles: 60, seed: 3, people: 40, agreements: 10, tariffs: 10 });
  const counts = await checkCorpusFile(file, { chunkBytes: 997 });
  expect(counts.articles).toBe(60);
  expect(counts.people).toBe(40);
});

it("rejects text that is not JSON, naming the problem as the loader does", async () => {
  const file = join(dir, "broken.json");
  await writeFile(file, '{ "version": 1, "articles": [ { "id": ');
  await expect(checkCorpusFile(file)).rejects.toThrow(/not valid JSON/);
});
