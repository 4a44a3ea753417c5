// The synthetic corpus generator's contract: what it makes is a valid corpus of the promised
// shape, the same seed always makes the same bytes, the streamed file is the in-memory corpus,
// and the command line writes a file the loader accepts.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGenerateCorpus, USAGE, type CommandOutput } from "../scripts/generate-corpus.js";
import type { CorpusRecord } from "../src/corpus/format.js";
import { ENTITY_KINDS } from "../src/corpus/kinds.js";
import { generateCorpus, generateCorpusChunks, writeCorpusFile } from "../tools/generate/generate.js";
import { loadCorpusFile } from "../src/corpus/load.js";
import { validateCorpus } from "../src/corpus/validate.js";

// One corpus of default shape serves the shape tests; the others are small, and invent fewer
// people, to keep this file fast.
const corpus = generateCorpus({ articles: 400, seed: 42 });
const small = { articles: 60, seed: 9, people: 200 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "corpus-generate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Returns output streams for a command and the text written to each, for assertions on messages. */
function captured(): { output: CommandOutput; text: { stdout: string; stderr: string } } {
  const text = { stdout: "", stderr: "" };
  const output: CommandOutput = {
    stdout: { write: (chunk: string) => (text.stdout += chunk) },
    stderr: new Writable({
      write(chunk: Buffer, _encoding, done) {
        text.stderr += chunk.toString("utf8");
        done();
      },
    }),
  };
  return { output, text };
}

describe("generated corpora are valid", () => {
  it.each([0, 1, 5, 400])("a corpus of %i articles passes validateCorpus", (articles) => {
    const generated = articles === 400 ? corpus : generateCorpus({ articles, seed: 42, people: 200 });
    expect(() => validateCorpus(JSON.parse(JSON.stringify(generated)), `generated-${articles}`)).not.toThrow();
    expect(generated.articles).toHaveLength(articles);
  });

  it("keeps only agreements and tariffs some article gives evidence for, so tiny corpora stay valid", () => {
    const tiny = generateCorpus({ articles: 5, seed: 42, people: 200 });
    expect(tiny.agreements).toHaveLength(5);
    expect(tiny.tariffs).toHaveLength(5);
    for (const fact of [...tiny.agreements, ...tiny.tariffs]) expect(fact.evidence.length).toBeGreaterThanOrEqual(1);
  });

  it("rejects options that are not non-negative integers, naming the option", () => {
    expect(() => generateCorpus({ articles: -1 })).toThrow(/Option "articles" must be an integer >= 0, got -1/);
    expect(() => generateCorpus({ articles: 10, people: 2.5 })).toThrow(/Option "people"/);
  });
});

describe("the same seed gives the same corpus", () => {
  it("is byte-identical for the same seed and differs for another", () => {
    const once = JSON.stringify(generateCorpus(small));
    expect(JSON.stringify(generateCorpus(small))).toBe(once);
    expect(JSON.stringify(generateCorpus({ ...small, seed: small.seed + 1 }))).not.toBe(once);
  });
});

describe("generated corpora have the promised shape", () => {
  it("lists the world's countries once each, with upper-case two-letter codes", () => {
    const codes = corpus.countries.map((c) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(245);
    expect(codes.length).toBeLessThanOrEqual(260);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect(corpus.countries.find((c) => c.code === "JP")?.aliases).toEqual(expect.arrayContaining(["Japanese", "Tokyo"]));
  });

  it("invents 3000 people by default, each with a nationality and one or more roles", () => {
    expect(corpus.people).toHaveLength(3000);
    expect(generateCorpus({ articles: 1, people: 12 }).people).toHaveLength(12);
    expect(new Set(corpus.people.map((p) => p.id)).size).toBe(3000);
    expect(corpus.people.filter((p) => !/^[A-Z]{2}$/.test(p.nationality ?? "") || p.roles.length === 0)).toEqual([]);
  });

  it("gives each article 5–40 mentions, a 2–6 KB body, a gen- id and its first sentence as lead", () => {
    // Collected rather than asserted one by one, so a failure lists every offending article.
    const offending = corpus.articles.flatMap((a, i) => {
      const bytes = Buffer.byteLength(a.body);
      const broken = [
        a.id !== `gen-${String(i + 1).padStart(8, "0")}` && "id",
        (a.mentions.length < 5 || a.mentions.length > 40) && `${a.mentions.length} mentions`,
        (bytes < 2048 || bytes > 6144) && `${bytes} bytes`,
        !(a.body.startsWith(a.lead) && /[.”]$/.test(a.lead)) && "lead",
      ].filter(Boolean);
      return broken.length > 0 ? [`${a.id}: ${broken.join(", ")}`] : [];
    });
    expect(offending).toEqual([]);
  });

  it("mentions every kind of entity, and gives every agreement and tariff evidence", () => {
    const kinds = new Set(corpus.articles.flatMap((a) => a.mentions.map((m) => m.entityType)));
    expect([...kinds].sort()).toEqual([...ENTITY_KINDS].sort());
    expect(corpus.agreements.length).toBeGreaterThan(100);
    expect(corpus.tariffs.length).toBeGreaterThan(100);
    for (const fact of [...corpus.agreements, ...corpus.tariffs]) expect(fact.evidence.length).toBeGreaterThanOrEqual(1);
  });

  it("names organizations of every kind, by name and then by short form, and offices that belong to one", () => {
    const organizations = corpus.organizations ?? [];
    const kinds = new Set(organizations.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(["COMPANY", "GOVERNMENT_BODY", "INTERNATIONAL_BODY", "OTHER", "POLITICAL_PARTY"]);
    const byId = new Map(organizations.map((o) => [o.id, o]));
    // A body of states lists members; a government body, a company and a party belong to one country.
    expect(byId.get("g7")?.members).toEqual(["CA", "FR", "DE", "IT", "JP", "GB", "US"]);
    for (const o of organizations.filter((x) => x.kind === "GOVERNMENT_BODY" || x.kind === "COMPANY")) {
      expect(o.country, o.id).toMatch(/^[A-Z]{2}$/);
    }
    const mentions = corpus.articles.flatMap((a) => a.mentions.filter((m) => m.entityType === "ORGANIZATION"));
    expect(new Set(mentions.map((m) => byId.get(m.entityId)?.kind)).size).toBe(5);
    // Later mentions use the acronym: "the World Trade Organization", then "the WTO".
    expect(mentions.some((m) => m.entityId === "wto" && m.text === "WTO")).toBe(true);
    const offices = corpus.people.flatMap((p) => p.roles.filter((r) => r.organizationId));
    expect(offices.some((r) => r.title === "Central Bank Governor" && byId.get(r.organizationId!)?.country === r.country)).toBe(true);
    expect(offices.some((r) => r.title === "IMF Executive Director" && r.organizationId === "imf")).toBe(true);
  });

  it("spreads publication over two years in article order", () => {
    const times = corpus.articles.map((a) => Date.parse(a.publishedAt!));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(times[0]).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
    expect(times.at(-1)).toBeLessThan(Date.UTC(2026, 0, 1));
  });

  it("counts spans in UTF-16 code units, past diacritics, CJK and emoji", () => {
    // A mention after an astral character (an emoji: two UTF-16 units, one code point) is where
    // offsets counted in code points or bytes would go wrong.
    const afterAstral = corpus.articles.flatMap((a) => {
      const astral = a.body.search(/[\uD800-\uDBFF]/);
      return astral < 0 ? [] : a.mentions.filter((m) => m.start > astral).map((m) => ({ body: a.body, m }));
    });
    expect(afterAstral.length).toBeGreaterThan(0);
    expect(afterAstral.filter(({ body, m }) => body.slice(m.start, m.end) !== m.text)).toEqual([]);

    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at NUL on purpose: any non-ASCII character
    const accented = corpus.articles.flatMap((a) => a.mentions.filter((m) => /[^\x00-\x7F]/.test(m.text)));
    expect(accented.length).toBeGreaterThan(0);
    expect(corpus.articles.some((a) => /[\u4E00-\u9FFF]/.test(a.body))).toBe(true);
  });
});

describe("the streamed corpus is the in-memory corpus", () => {
  it("joins chunks into JSON that parses to generateCorpus's result, entities before articles", () => {
    const text = [...generateCorpusChunks(small)].join("");
    // Comparing serialisations checks key order too, and is far faster than a deep toEqual.
    expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(generateCorpus(small)));
    expect(text.indexOf('"tariffs"')).toBeLessThan(text.indexOf('"articles"'));
    expect(text.indexOf('"articles"')).toBeLessThan(text.indexOf('{"id":"gen-00000001"'));
  });

  it("writes exactly the chunks to the file and reports its size and progress", async () => {
    const file = join(dir, "streamed.json");
    const progress: number[] = [];
    const summary = await writeCorpusFile(file, small, (written) => progress.push(written));
    const written = await readFile(file, "utf8");
    expect(written).toBe([...generateCorpusChunks(small)].join(""));
    expect(summary).toEqual({
      articles: 60,
      countries: 250,
      people: 200,
      agreements: 60,
      tariffs: 60,
      organizations: 163,
      bytes: Buffer.byteLength(written),
    });
    expect(progress.at(-1)).toBe(60);
  });
});

describe("npm run corpus:generate", () => {
  it("writes a file that loadCorpusFile accepts and prints a summary", async () => {
    const file = join(dir, "cli.json");
    const { output, text } = captured();
    const code = await runGenerateCorpus(["--articles", "40", "--out", file, "--seed", "3", "--people", "200"], output);
    expect(code).toBe(0);
    const loaded: CorpusRecord = await loadCorpusFile(file);
    expect(loaded.articles).toHaveLength(40);
    expect(loaded.people).toHaveLength(200);
    expect(text.stdout).toMatch(/^Wrote .*cli\.json: 40 articles, 250 countries, 200 people, 40 agreements, 40 tariffs; [\d,]+ bytes/);
  });

  it.each([
    { name: "no arguments", args: [], reason: "--articles is required" },
    { name: "a missing --out", args: ["--articles", "10"], reason: "--out is required" },
    {
      name: "a non-numeric count",
      args: ["--articles", "ten", "--out", "x.json"],
      reason: '--articles must be an integer >= 0, got "ten"',
    },
    { name: "a negative count", args: ["--articles=-5", "--out", "x.json"], reason: '--articles must be an integer >= 0, got "-5"' },
    { name: "an unknown option", args: ["--articles", "1", "--out", "x.json", "--bogus"], reason: "Unknown option '--bogus'" },
  ])("exits 2 with the reason and the usage for $name", async ({ args, reason }) => {
    const { output, text } = captured();
    expect(await runGenerateCorpus(args, output)).toBe(2);
    expect(text.stderr).toContain(reason);
    expect(text.stderr).toContain(USAGE);
  });
});
