// Ingestion reads news as it comes: wire copy in every agency style (or with no dateline), HTML
// pages, IPTC ninjs 1.x and 2.x items and JSON Lines, through the real command (spawned) and into
// a started service; many inputs at once with --keep-going; and compromise's speed-ups leave
// every tag as it was. The fixtures in tests/fixtures/ingest-formats/ are written for these tests.
import { spawn, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import nlp from "compromise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CorpusRecord } from "../src/corpus/format.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { readArticleFile, readArticleText } from "../tools/ingest/read/readArticle.js";
import { speedUpCompromise } from "../tools/ingest/compromiseSpeed.js";

const FIXTURES = "tests/fixtures/ingest-formats";
const DEV_SET = "tests/fixtures/ingest/devset/dev";
const ROOT = process.cwd();

/** Runs `npm run ingest`'s script as a process and returns its exit code and output. */
function ingest(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe("plain-text wire copy in each agency's style", () => {
  it.each([
    [
      "ap-london.txt",
      {
        dateline: "LONDON",
        source: "Associated Press",
        headline: "Britain and India put their names to a long-awaited trade pact",
        byline: "Harriet Vale and Omar Quint",
      },
      "Britain and India signed",
      ["AP Photo", "Advertisement", "Read more", "contributed to this report"],
    ],
    [
      "reuters-hanoi.txt",
      {
        dateline: "HANOI",
        source: "Reuters",
        headline: "Vietnam welcomes clarity on U.S. duties",
        datelineDate: { month: 8, day: 6 },
        publishedAt: "2025-08-06T00:00:00Z",
      },
      "Vietnam's trade ministry",
      ["Reporting by", "Our Standards", "GMT"],
    ],
    [
      "reuters-brasilia.txt",
      { dateline: "SAO PAULO/BRASILIA", source: "Reuters", headline: null },
      "Brazilian President Luiz Inacio Lula da Silva",
      ["(Reuters)"],
    ],
    [
      "washington-hanoi.txt",
      { dateline: "WASHINGTON/HANOI", source: "The Example Daily", copyright: "© 2025 The Example Daily. All rights reserved." },
      "The governments of the United States",
      ["All rights reserved"],
    ],
    ["gyeongju.txt", { dateline: "GYEONGJU, South Korea", source: null }, "Leaders from around the Pacific", []],
    [
      "kyodo-tokyo.txt",
      { dateline: "TOKYO", source: "Kyodo News", copyright: "Copyright kyodonews" },
      "Japan's chief tariff negotiator",
      ["kyodonews"],
    ],
    [
      "no-dateline.txt",
      { dateline: null, source: null, headline: "Swiss exporters brace for a steep new duty" },
      "Switzerland was caught off guard",
      ["Share this article", "Getty Images", "Read more"],
    ],
    ["hard-wrapped.txt", { dateline: "OTTAWA" }, "Canada's finance minister said on Tuesday that the government would", []],
  ])("%s: dateline, source and headline read; body opens on the story; stray lines dropped", async (file, expected, opening, absent) => {
    const [article] = await readArticleFile(`${FIXTURES}/${file}`);
    expect(article).toMatchObject({ format: "text", ...expected });
    expect(article.body.startsWith(opening)).toBe(true);
    for (const junk of absent) expect(article.body).not.toContain(junk);
    // Paragraphs one blank line apart, each on one line, no surrounding space.
    for (const paragraph of article.body.split("\n\n")) expect(paragraph).toMatch(/^\S(?:[^\n]*\S)?$/);
  });

  it("dates a dateline's 'Aug 6' in the year of --published, else of the file", () => {
    const text = "TOKYO, Dec 30 (Kyodo) - Japan's government said on Tuesday that talks would resume.";
    expect(readArticleText(text, "a.txt", { published: "2026-01-02" })[0].publishedAt).toBe("2025-12-30T00:00:00Z");
    expect(readArticleText(text, "a.txt", { published: "2025-12-30T18:00:00+09:00" })[0].publishedAt).toBe("2025-12-30T18:00:00+09:00");
    expect(readArticleText(text, "a.txt", { fileTime: new Date("2025-03-01T00:00:00Z") })[0].publishedAt).toBe("2024-12-30T00:00:00Z");
    expect(readArticleText(text, "a.txt")[0]).toMatchObject({
      publishedAt: null,
      source: "Kyodo News",
      datelineDate: { month: 12, day: 30 },
    });
  });
});

describe("HTML pages and IPTC ninjs items", () => {
  it("reads a page's JSON-LD headline, date, publisher and author, and only the story's paragraphs", async () => {
    const [article] = await readArticleFile(`${FIXTURES}/seoul-page.html`);
    expect(article).toMatchObject({
      format: "html",
      headline: "South Korea and U.S. agree on a 15% tariff",
      published: "2025-07-31T08:00:00+09:00",
      source: "The Example Herald",
      byline: "Min-ji Park",
      dateline: "SEOUL",
    });
    expect(article.body.split("\n\n")).toHaveLength(3);
    expect(article.body.startsWith("South Korea and the United States agreed on Thursday")).toBe(true);
    for (const junk of [
      "World news today",
      "Related stories",
      "Tokyo seals",
      "Most read",
      "Advertisement",
      "Privacy policy",
      "Photo credit",
      "All rights reserved",
    ]) {
      expect(article.body).not.toContain(junk);
    }
  });

  it("reads a ninjs 1.x item: headline, body_html, byline, versioncreated, copyrightholder", async () => {
    const [article] = await readArticleFile(`${FIXTURES}/india-uk-ninjs1.json`);
    expect(article).toMatchObject({
      format: "ninjs",
      headline: "India and UK seal trade accord",
      byline: "Asha Rao",
      published: "2025-07-24T16:40:00+01:00",
      source: "Example Agency",
      dateline: "LONDON",
    });
    expect(article.body).toBe(
      "India and Britain signed a trade agreement on Thursday that will cut Indian tariffs on British whisky by half.\n\n" +
        "British Prime Minister Keir Starmer hosted Indian Prime Minister Narendra Modi at his country residence for the ceremony.",
    );
  });

  it("reads a ninjs 2.x item: headlines[], the main plain-text body of bodies[], by", async () => {
    const [article] = await readArticleFile(`${FIXTURES}/swiss-ninjs2.json`);
    expect(article).toMatchObject({
      format: "ninjs",
      headline: "Bern surprised by 39% U.S. duty",
      byline: "Lukas Meier",
      published: "2025-08-01T11:30:00+02:00",
      source: "swissinfo.ch",
      dateline: "GENEVA",
    });
    expect(article.body).toBe(
      "Switzerland said on Friday it was surprised by the 39% tariff the United States set on Swiss goods.\n\nThe government in Bern said talks would continue.",
    );
  });

  it("reads a JSON Lines file as one article per item, named by line", async () => {
    const articles = await readArticleFile(`${FIXTURES}/wire-items.jsonl`);
    expect(articles.map((a) => [a.origin, a.headline, a.dateline])).toEqual([
      [`${FIXTURES}/wire-items.jsonl:1`, "Canada weighs its answer", "OTTAWA"],
      [`${FIXTURES}/wire-items.jsonl:3`, "EU and U.S. reach a framework deal", "BRUSSELS"],
    ]);
  });

  it.each([
    ["bad.jsonl", `{"type":"text","body_text":"OTTAWA - Fine."}\n{"type":"text",\n`, "bad.jsonl:2: the line is not JSON"],
    ["photo.json", `{"type":"picture","headline":"A photo"}`, `photo.json: it is a ninjs "picture" item; only text items carry an article`],
    ["list.json", `[]`, "list.json: it is an empty array; expected an IPTC ninjs item"],
    ["empty.txt", `\n  \n`, "empty.txt: the file is empty"],
    [
      "blank.html",
      `<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>`,
      "blank.html: no article text found in the page",
    ],
  ])("names %s and what was expected when it is not an article", (name, text, message) => {
    expect(() => readArticleText(text, name)).toThrow(`Cannot ingest ${message}`);
  });
});

describe("npm run ingest over many inputs, then the service", () => {
  let dir: string;
  let out: string;
  let run: ReturnType<typeof ingest>;
  let corpus: CorpusRecord;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ingest-formats-"));
    out = join(dir, "c.json");
    // A page, a ninjs item and wire copy named one by one, a JSON Lines file by glob.
    run = ingest([
      "--out",
      out,
      `${FIXTURES}/seoul-page.html`,
      `${FIXTURES}/india-uk-ninjs1.json`,
      `${FIXTURES}/reuters-brasilia.txt`,
      `${FIXTURES}/*.jsonl`,
      "--published",
      "2025-07-31",
    ]);
    corpus = await loadCorpusFile(out);
    // Spawned processes load the NLP library and the service: generous limits for a busy machine.
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a valid corpus with every article, its metadata and exact spans, and reports the rate", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Wrote ${out}: 5 articles ingested in [\\d.]+ s \\([\\d.]+ articles/s\\)`));
    expect(corpus.articles.map((a) => [a.headline, a.source, a.dateline, a.publishedAt])).toEqual([
      ["South Korea and U.S. agree on a 15% tariff", "The Example Herald", "SEOUL", "2025-07-31T08:00:00+09:00"],
      ["India and UK seal trade accord", "Example Agency", "LONDON", "2025-07-24T16:40:00+01:00"],
      [null, "Reuters", "SAO PAULO/BRASILIA", "2025-07-31T00:00:00Z"],
      ["Canada weighs its answer", "Example Agency", "OTTAWA", "2025-06-03T18:00:00-04:00"],
      ["EU and U.S. reach a framework deal", "Example Agency", "BRUSSELS", "2025-07-27T20:00:00+02:00"],
    ]);
    for (const article of corpus.articles) for (const m of article.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
  });

  it("is served by CORPUS_PATH=… npm start", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", CORPUS_PATH: out, LOG_LEVEL: "info", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`the service exited (${code}) before serving`)));
        createInterface({ input: child.stdout! }).on("line", (line) => {
          const log = JSON.parse(line) as { url?: string };
          if (log.url) resolve(log.url);
        });
      });
      const id = corpus.articles[0].id;
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: `{ article(id: "${id}") { headline source dateline body countries { code } } }` }),
      });
      const answer = (await res.json()) as {
        data: { article: { headline: string; source: string; dateline: string; body: string; countries: { code: string }[] } };
      };
      expect(answer.data.article).toMatchObject({
        headline: "South Korea and U.S. agree on a 15% tariff",
        source: "The Example Herald",
        dateline: "SEOUL",
        body: corpus.articles[0].body,
      });
      expect(answer.data.article.countries.map((c) => c.code)).toEqual(expect.arrayContaining(["KR", "US"]));
    } finally {
      child.kill("SIGKILL");
    }
  }, 120_000);

  it("with a bad file: names it and writes nothing; with --keep-going ingests the rest and lists it", async () => {
    const folder = join(dir, "inbox");
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await copyFile(`${FIXTURES}/kyodo-tokyo.txt`, join(folder, "a.txt"));
    await copyFile(`${FIXTURES}/swiss-ninjs2.json`, join(folder, "b.json"));
    await writeFile(join(folder, "c.json"), `{"headline": "no body here"}`);
    const target = join(dir, "inbox.json");

    const refused = ingest(["--out", target, folder]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `error: Cannot ingest ${join(folder, "c.json")}: no body_text, body_html or bodies[] with text; expected an IPTC ninjs item (an object with body_text, body_html or bodies[])\n`,
    );
    expect(await readdir(dir)).not.toContain("inbox.json");

    const kept = ingest(["--out", target, "--keep-going", "--published", "2025-08-01", folder]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain(`Wrote ${target}: 2 articles ingested`);
    expect(kept.stdout).toContain(`Not ingested (1):\n  ${join(folder, "c.json")}: no body_text, body_html or bodies[] with text`);
    expect((await loadCorpusFile(target)).articles.map((a) => a.source)).toEqual(["Kyodo News", "swissinfo.ch"]);
  }, 180_000);
});

describe("compromise's speed-ups", () => {
  it("leave every sentence, token, offset and tag as compromise gives them", async () => {
    const texts = await Promise.all(
      (await readdir(FIXTURES)).filter((f) => f.endsWith(".txt")).map((f) => readFile(join(FIXTURES, f), "utf8")),
    );
    texts.push(await readFile("tests/fixtures/ingest/seed-kyodo-takaichi-trump-summit.txt", "utf8"));
    // Term ids are a running counter and chunks are what the speed-up stops computing: neither is read.
    const analysis = (text: string) =>
      JSON.stringify(nlp(text).json({ offset: true, terms: { offset: true } }), (key, value) =>
        key === "id" || key === "chunk" ? undefined : value,
      );
    const before = texts.map(analysis);
    speedUpCompromise();
    expect(texts.map(analysis)).toEqual(before);
  }, 120_000);

  it("tag each sentence when it is first read as tagging the whole body does", async () => {
    // Imported here, not above: loading the analysis speeds compromise up, which the test before needs undone.
    const { analyseText } = await import("../tools/ingest/textAnalysis.js");
    const files = [
      ...(await readdir(FIXTURES)).filter((f) => f.endsWith(".txt")).map((f) => join(FIXTURES, f)),
      ...(await readdir(DEV_SET)).filter((f) => f.endsWith(".txt")).map((f) => join(DEV_SET, f)),
      "tests/fixtures/ingest/seed-kyodo-takaichi-trump-summit.txt",
    ];
    const bodies = (await Promise.all(files.map((f) => readArticleFile(f, { published: "2025-08-06" })))).flatMap((read) =>
      read.map((a) => a.body),
    );
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      // The whole body tagged at once: each word's tags by where it starts.
      const whole = nlp(body).json({ offset: true, terms: { offset: true } }) as {
        terms: { text: string; tags: string[]; offset: { start: number } }[];
      }[];
      const terms = whole.flatMap((s) => s.terms).filter((t) => t.text !== "");
      const text = analyseText(body);
      // Read from the last sentence back, so sentences are tagged one by one, out of order.
      const read = [...text.tokens].reverse().map((t) => ({ start: t.start, tags: [...t.tags].sort() }));
      const wholeTags = read.map(({ start }) => {
        const term = terms.findLast((t) => t.offset.start <= start)!;
        return { start, tags: [...term.tags].sort() };
      });
      expect(read).toEqual(wholeTags);
    }
  }, 120_000);
});

describe("writing the corpus", () => {
  it("writes record by record the same bytes as the whole corpus stringified", async () => {
    const { corpusJson } = await import("../tools/ingest/ingest.js");
    const corpus = JSON.parse(await readFile("data/corpus.json", "utf8")) as CorpusRecord;
    expect(corpus.articles.length).toBeGreaterThan(1);
    expect([...corpusJson(corpus)].join("")).toBe(`${JSON.stringify(corpus, null, 2)}\n`);
    const small = { version: 1, articles: [], people: [{ name: "A\nB", aliases: [] }] } as unknown as CorpusRecord;
    expect([...corpusJson(small)].join("")).toBe(`${JSON.stringify(small, null, 2)}\n`);
  });
});
