// Corpus reload under load: good and bad corpus files swapped in while clients keep querying.
// No request fails, every answer comes whole from one corpus, a bad file is rejected with its
// CorpusError in the log while the previous corpus keeps serving, and the file watch reloads too.
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { createCorpusReloader, watchCorpusFile, type CorpusReloader } from "../src/ops/lifecycle.js";
import { createLogger } from "../src/ops/logging.js";
import { seedCorpus, startTestServer, type TestServer } from "./harness.js";

// One operation that reads through many resolvers and loaders over several ticks: a request
// that read some fields from one corpus and some from another would show it here.
const SPANNING_QUERY = `query Spanning {
  countries { code name leaders { name } }
  articles(first: 5) { nodes { id headline people { name nationality { name } } countries { name } } }
  people(first: 10) { nodes { id name } }
}`;

let dir: string;
let corpusFile: string;
let seed: CorpusRecord;
let variant: CorpusRecord;
let api: TestServer;
const logLines: { level: number; msg: string; problems?: { path: string; reason: string }[] }[] = [];
let reloader: CorpusReloader;

/** The seed with every person, country and headline visibly renamed: the same shape, other answers. */
function variantOf(corpus: CorpusRecord): CorpusRecord {
  const copy = structuredClone(corpus);
  for (const person of copy.people) person.name = `${person.name} [variant]`;
  for (const country of copy.countries) country.name = `${country.name} [variant]`;
  for (const article of copy.articles) article.headline = `Variant of ${article.id}`;
  return copy;
}

/** Replaces the corpus file the way a deploy does: write beside it, then rename over it. */
async function publish(contents: string) {
  const next = `${corpusFile}.next`;
  await writeFile(next, contents);
  await rename(next, corpusFile);
}

beforeAll(async () => {
  seed = await seedCorpus();
  variant = variantOf(seed);
  dir = await mkdtemp(join(tmpdir(), "news-reload-"));
  corpusFile = join(dir, "corpus.json");
  await publish(JSON.stringify(seed));
  api = await startTestServer(seed);
  const logger = createLogger("info", { write: (line: string) => void logLines.push(JSON.parse(line)) });
  reloader = createCorpusReloader({ server: api.server, corpusPath: corpusFile, logger, metrics: api.server.metrics });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The answer to the spanning query, as a string, from a server serving only `corpus`. */
async function answerFor(corpus: CorpusRecord): Promise<string> {
  await publish(JSON.stringify(corpus));
  expect(await reloader.reload("test")).toBe("applied");
  const res = await api.query(SPANNING_QUERY);
  expect(res.errors).toBeUndefined();
  return JSON.stringify(res.data);
}

describe("corpus reload", () => {
  it("swaps good and bad corpora under concurrent load: no request fails, no answer mixes corpora", async () => {
    const seedAnswer = await answerFor(seed);
    const variantAnswer = await answerFor(variant);
    expect(variantAnswer).not.toBe(seedAnswer);
    expect(variantAnswer).toContain("[variant]");

    const answers: string[] = [];
    const failures: string[] = [];
    let running = true;
    let sent = 0;
    const worker = async () => {
      while (running) {
        try {
          // Each request distinct (a trailing comment), so every one executes while corpora swap
          // instead of being answered from the response cache.
          const res = await api.query(`${SPANNING_QUERY} # ${++sent}`);
          if (res.status !== 200 || res.errors) failures.push(JSON.stringify(res));
          else answers.push(JSON.stringify(res.data));
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    // Waits until the load has answered `n` more requests: every reload overlaps running requests.
    const afterMoreAnswers = async (n: number) => {
      const target = answers.length + failures.length + n;
      while (answers.length + failures.length < target) await new Promise((r) => setTimeout(r, 5));
    };
    const workers = Array.from({ length: 4 }, worker);

    const bad = { ...variant, people: [{ ...variant.people[0]!, nationality: "XX" }, ...variant.people.slice(1)] };
    for (let round = 0; round < 2; round++) {
      await afterMoreAnswers(5);
      await publish(JSON.stringify(variant));
      expect(await reloader.reload("test")).toBe("applied");
      await afterMoreAnswers(5);
      // Two kinds of bad file: one that breaks a rule, one cut off mid-write.
      await publish(round % 2 === 0 ? JSON.stringify(bad) : JSON.stringify(seed).slice(0, 5000));
      expect(await reloader.reload("test")).toBe("rejected");
      await afterMoreAnswers(5);
      // The rejected file changed nothing: the variant still serves.
      expect(JSON.stringify((await api.query(SPANNING_QUERY)).data)).toBe(variantAnswer);
      await publish(JSON.stringify(seed));
      expect(await reloader.reload("test")).toBe("applied");
    }
    await afterMoreAnswers(5);
    running = false;
    await Promise.all(workers);

    expect(failures).toEqual([]);
    const mixed = answers.filter((a) => a !== seedAnswer && a !== variantAnswer);
    expect(mixed).toEqual([]);
    expect(answers.filter((a) => a === seedAnswer).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a === variantAnswer).length).toBeGreaterThan(0);
    expect(JSON.stringify((await api.query(SPANNING_QUERY)).data)).toBe(seedAnswer);
  });

  it("logs a rejected corpus with its CorpusError: file, JSON path and reason", async () => {
    const bad = { ...seed, people: [{ ...seed.people[0]!, nationality: "XX" }, ...seed.people.slice(1)] };
    await publish(JSON.stringify(bad));
    logLines.splice(0);
    expect(await reloader.reload("test")).toBe("rejected");
    const error = logLines.find((l) => l.level === 50);
    expect(error?.msg).toContain(`Invalid corpus ${corpusFile}`);
    expect(error?.msg).toContain("The previous corpus keeps serving.");
    expect(error?.problems).toContainEqual({ path: "$.people[0].nationality", reason: expect.stringContaining("XX") });
    await publish(JSON.stringify(seed));
    expect(await reloader.reload("test")).toBe("applied");
  });

  it("folds reloads asked for while one runs into a single further run", async () => {
    const applied = async () =>
      Number(/^corpus_reloads_total\{outcome="applied"\} (\d+)$/m.exec(await (await fetch(new URL("/metrics", api.url))).text())?.[1] ?? 0);
    const before = await applied();
    // Three asks in one tick (a burst of file events): the first runs, the other two share one run after it.
    const outcomes = await Promise.all([reloader.reload("test"), reloader.reload("test"), reloader.reload("test")]);
    expect(outcomes).toEqual(["applied", "applied", "applied"]);
    expect((await applied()) - before).toBe(2);
  });

  it("counts reloads by outcome in /metrics", async () => {
    const metrics = await (await fetch(new URL("/metrics", api.url))).text();
    expect(metrics).toMatch(/^corpus_reloads_total\{outcome="applied"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^corpus_reloads_total\{outcome="rejected"\} [1-9]\d*$/m);
  });

  it("reloads when the watched file is replaced (CORPUS_WATCH)", async () => {
    const stop = watchCorpusFile(corpusFile, () => void reloader.reload("file changed"), createLogger("silent"));
    try {
      await publish(JSON.stringify(variant));
      // Poll the answer until the watch has reloaded; the test's timeout bounds the wait.
      let names: string[] = [];
      while (!names.every((n) => n.endsWith("[variant]")) || names.length === 0) {
        await new Promise((r) => setTimeout(r, 20));
        names = (await api.query(`{ countries { name } }`)).data.countries.map((c: { name: string }) => c.name);
      }
      expect(names.length).toBe(seed.countries.length);
    } finally {
      stop();
      await publish(JSON.stringify(seed));
      await reloader.reload("test");
    }
  });
});
