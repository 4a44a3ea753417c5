// The streaming corpus loader's contract: for any file, it returns the same corpus and raises the
// same CorpusError problems as loading the file whole, however the reads cut the records.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../src/corpus/CorpusError.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { generateCorpus } from "../tools/generate/generate.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { streamCorpusFile } from "../src/corpus/stream.js";

const TINY = "tests/fixtures/tiny-corpus.json";
const GOLD = "data/seed.json";
const tiny: CorpusRecord = JSON.parse(readFileSync(TINY, "utf8"));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "corpus-stream-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `contents` to a fresh file in the test directory and returns its path. */
async function fileWith(name: string, contents: string): Promise<string> {
  const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  await writeFile(file, contents);
  return file;
}

/** Given a promise, returns what it rejected with (or fails the test when it resolved). */
async function rejection(promise: Promise<unknown>): Promise<CorpusError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CorpusError);
  return error as CorpusError;
}

describe("streamCorpusFile loads what the whole-file loader loads", () => {
  // 1 byte cuts every token; 7 and 61 cut records mid-string, mid-escape and mid-number.
  it.each([
    [TINY, 1],
    [TINY, 7],
    [GOLD, 61],
    [GOLD, 4 << 20],
  ])("reads %s in %i-byte chunks", async (file, chunkBytes) => {
    expect(await streamCorpusFile(file, chunkBytes)).toEqual(await loadCorpusFile(file, { mode: "whole" }));
  });

  it("reads a generated corpus written compact, indented, and with escapes in its strings", async () => {
    const corpus = generateCorpus({ articles: 40, people: 60, agreements: 5, tariffs: 5, seed: 9 });
    // Quotes, backslashes and a backslash before a closing quote are where a record scanner slips.
    corpus.people[0]!.description = 'Said "no" \\ twice, ending in a backslash \\';
    corpus.countries[0]!.aliases.push('"Quoted" \\"land\\"');
    for (const [name, text] of [
      ["compact", JSON.stringify(corpus)],
      ["indented", JSON.stringify(corpus, null, 2)],
      ["tabs and CRLF", JSON.stringify(corpus, null, "\t").replaceAll("\n", "\r\n")],
    ] as const) {
      const file = await fileWith(name, text);
      const streamed = await streamCorpusFile(file, 997);
      expect(streamed, name).toEqual(await loadCorpusFile(file, { mode: "whole" }));
      expect(streamed.people[0]!.description).toBe(corpus.people[0]!.description);
    }
  });
});

describe("streamCorpusFile rejects what the whole-file loader rejects, with the same problems", () => {
  const edits: [string, (c: Record<string, any>) => void][] = [
    ["an article without a body", (c) => delete c.articles[0].body],
    ["a span offset of the wrong type", (c) => (c.articles[1].mentions[0].start = "4")],
    ["an unknown property on a record", (c) => (c.people[0].nickname = "x")],
    ["a duplicate article id", (c) => c.articles.push({ ...c.articles[1], id: c.articles[0].id })],
    ["a mention of an unknown person", (c) => (c.articles[0].mentions[0].entityId = "nobody")],
    ["a mention text that is not the body slice", (c) => (c.articles[0].mentions[0].text = "Takaichi Sanae")],
    ["a mention span past the body", (c) => (c.articles[1].mentions[1].end = 10_000)],
    ["an evidence quote that is not the body slice", (c) => (c.tariffs[0].evidence[0].quote = "Not what it says.")],
    ["a missing section", (c) => delete c.tariffs],
    ["a section that is not an array", (c) => (c.agreements = { a: 1 })],
    ["an unknown top-level key", (c) => (c.extra = [1, 2])],
    ["the wrong version", (c) => (c.version = 2)],
  ];

  it.each(edits)("rejects %s", async (name, edit) => {
    const corpus = structuredClone(tiny) as unknown as Record<string, any>;
    edit(corpus);
    const file = await fileWith(name, JSON.stringify(corpus, null, 1));

    const whole = await rejection(loadCorpusFile(file, { mode: "whole" }));
    const streamed = await rejection(streamCorpusFile(file, 13));

    expect(streamed.file).toBe(file);
    expect(streamed.problems.length).toBeGreaterThan(0);
    expect(streamed.problems).toEqual(whole.problems);
  });

  it.each([
    ["a truncated file", '{"version": 1, "articles": [', "$", "unexpected end of the file"],
    ["a broken record", '{"version": 1, "articles": [{"id": "a"}, {"id": }]}', "$.articles[1]", "not valid JSON"],
    ["a top-level array", "[1, 2]", "$", "must be one JSON object"],
    ["text after the object", '{"version": 1} {}', "$", "unexpected text after the end"],
    [
      "a missing comma between records",
      '{"version": 1, "people": [{"id": "a"} {"id": "b"}]}',
      "$",
      "expected ',' or ']' after $.people[0]",
    ],
  ])("rejects %s as not valid JSON at %s", async (name, text, path, words) => {
    const file = await fileWith(name, text);
    const error = await rejection(streamCorpusFile(file, 5));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.path).toBe(path);
    expect(error.problems[0]!.reason).toContain("not valid JSON");
    expect(error.problems[0]!.reason).toContain(words);
  });

  it("rejects a file it cannot read", async () => {
    const error = await rejection(streamCorpusFile(join(dir, "missing.json")));
    expect(error.problems[0]!.reason).toContain("cannot read the file");
  });
});
