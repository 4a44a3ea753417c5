// `npm run bench:ingest`: how fast does ingestion read a newsroom's archive, and does its memory
// stay flat as the batch grows? Writes N distinct generated articles (2-6 KB bodies from the
// corpus generator) as input files in every format the command reads — wire copy in six agency
// styles, HTML pages with page furniture, ninjs 1.x and 2.x items — then, for each batch size,
// runs the real ingestion (tools/ingest/ingest.ts, the code behind `npm run ingest`) in a fresh
// process and reports articles per second (wall clock and per CPU-second, the one-core figure
// that a shared machine distorts least), the process's peak memory, and the heap still in use
// after a full collection (the corpus being built), which is what shows memory staying flat.
//   npm run bench:ingest -- [--articles 1000] [--sizes 250,500,1000] [--seed 11] [--dir KEEP_INPUTS_HERE]
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ArticleRecord } from "../src/corpus/format.js";
import { generateCorpus } from "../tools/generate/generate.js";
import { ingestFiles } from "../tools/ingest/ingest.js";

const { values: args } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    sizes: { type: "string" },
    seed: { type: "string", default: "11" },
    // Keep the input files in this folder (written once, reused by later runs and profiles).
    dir: { type: "string" },
    // Internal: run one batch in this process and print its figures as JSON.
    child: { type: "string" },
  },
});

/** What one batch measured. */
interface BatchFigures {
  articles: number;
  /** Wall-clock seconds from the first file read to the corpus written (NLP load excluded). */
  seconds: number;
  /** CPU seconds (user + system) over the same span. */
  cpuSeconds: number;
  /** Peak resident set size of the process, MB. */
  peakRssMb: number;
  /** Bytes of article text read. */
  inputBytes: number;
  /** Heap in use after a full collection at the end, corpus included, MB (null without --expose-gc). */
  liveHeapMb: number | null;
}

async function main(): Promise<void> {
  const total = Number(args.articles);
  const sizes = (args.sizes ?? [total / 4, total / 2, total].map(Math.round).join(",")).split(",").map(Number);
  if (!Number.isInteger(total) || total < 1 || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > total)) {
    throw new Error(`--articles must be a positive integer and every --sizes entry between 1 and it`);
  }
  const dir = args.dir ?? (await mkdtemp(join(tmpdir(), "bench-ingest-")));
  try {
    await mkdir(dir, { recursive: true });
    const bytes = await writeInputs(dir, total, Number(args.seed));
    console.log(
      `${total} distinct articles written to ${dir} (${(bytes / total / 1024).toFixed(1)} KB of body each on average, 9 input styles)`,
    );
    console.log("batch  | wall s | articles/s (wall) | articles/s (per CPU-second) | peak RSS MB | live heap MB");
    console.log("------ | ------ | ----------------- | --------------------------- | ----------- | ------------");
    const rows: BatchFigures[] = [];
    for (const size of sizes) {
      const child = spawnSync(
        process.execPath,
        ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--child", String(size), "--dir", dir],
        {
          encoding: "utf8",
          maxBuffer: 16 << 20,
        },
      );
      if (child.status !== 0) throw new Error(`the batch of ${size} failed:\n${child.stderr}`);
      const row = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as BatchFigures;
      rows.push(row);
      console.log(
        `${String(row.articles).padStart(6)} | ${row.seconds.toFixed(1).padStart(6)} | ${(row.articles / row.seconds).toFixed(1).padStart(17)} | ` +
          `${(row.articles / row.cpuSeconds).toFixed(1).padStart(27)} | ${row.peakRssMb.toFixed(0).padStart(11)} | ${(row.liveHeapMb?.toFixed(0) ?? "-").padStart(12)}`,
      );
    }
    const first = rows[0];
    const last = rows.at(-1)!;
    if (rows.length > 1) {
      const perThousand = ((last.peakRssMb - first.peakRssMb) / (last.articles - first.articles)) * 1000;
      console.log(`peak RSS grows ${perThousand.toFixed(0)} MB per 1,000 more articles (the collector runs lazily while memory is free)`);
      if (first.liveHeapMb !== null && last.liveHeapMb !== null) {
        const live = ((last.liveHeapMb - first.liveHeapMb) / (last.articles - first.articles)) * 1000;
        console.log(`live heap grows ${live.toFixed(0)} MB per 1,000 more articles: the corpus being built, nothing else kept`);
      }
    }
    const rate = last.articles / last.cpuSeconds;
    console.log(
      `goal >= 50 articles/s on one core: ${rate >= 50 ? "met" : "not met"} (${rate.toFixed(1)} articles per CPU-second at ${last.articles})`,
    );
  } finally {
    if (args.dir === undefined) await rm(dir, { recursive: true, force: true });
  }
}

// Private: one batch in this process: the first `count` inputs through ingestFiles, timed from
// the first read (the NLP library is loaded beforehand so its seconds of start-up are not counted).
async function runBatch(dir: string, count: number): Promise<BatchFigures> {
  await import("../tools/ingest/pipeline.js");
  const files = Array.from({ length: count }, (_, i) => join(dir, inputName(i)));
  const out = join(dir, `corpus-${count}.json`);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await ingestFiles({ files, out, published: "2025-08-06", source: "Bench Wire" });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const liveHeapMb = gc === undefined ? null : process.memoryUsage().heapUsed / 1048576;
  await rm(out, { force: true });
  return {
    articles: result.articles.length,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    inputBytes: result.corpus.articles.reduce((sum, a) => sum + a.body.length, 0),
    liveHeapMb,
  };
}

// ---------------------------------------------------------------------------------------
// Inputs: generated article bodies, dressed as each kind of input the command reads.

const STYLES = ["ap", "reuters", "kyodo", "slash", "country", "none", "html", "ninjs1", "ninjs2"] as const;
const PLACES = ["TOKYO", "WASHINGTON", "BRUSSELS", "SEOUL", "LONDON", "BEIJING", "NEW DELHI", "OTTAWA", "HANOI", "GENEVA"];
const MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

function inputName(i: number): string {
  const style = STYLES[i % STYLES.length];
  const extension = style === "html" ? "html" : style.startsWith("ninjs") ? "json" : "txt";
  return `${String(i).padStart(6, "0")}-${style}.${extension}`;
}

// Private: writes `total` input files and returns the bytes of body text in them.
async function writeInputs(dir: string, total: number, seed: number): Promise<number> {
  const { articles } = generateCorpus({ articles: total, seed });
  let bytes = 0;
  for (let i = 0; i < total; i++) {
    bytes += Buffer.byteLength(articles[i].body);
    await writeFile(join(dir, inputName(i)), dress(articles[i], i));
  }
  return bytes;
}

// Private: one generated article as the i-th style writes it.
function dress(article: ArticleRecord, i: number): string {
  const place = PLACES[i % PLACES.length];
  const headline = article.headline ?? `Report ${i}`;
  const date = new Date(article.publishedAt ?? "2025-08-06T00:00:00Z");
  const day = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  const body = article.body;
  const paragraphs = body.split("\n\n");
  switch (STYLES[i % STYLES.length]) {
    case "ap":
      return `${headline}\n\nBy Staff Writer\n\n${place} (AP) — ${paragraphs[0]}\n\nAdvertisement\n\n${paragraphs.slice(1).join("\n\n")}\n`;
    case "reuters":
      return `${headline}\n${place}, ${day} (Reuters) - ${paragraphs.join("\n")}\nReporting by Staff; Editing by Desk\n`;
    case "kyodo":
      return `Copyright kyodonews\n\n${place} - ${body}\n`;
    case "slash":
      return `${place}/${PLACES[(i + 3) % PLACES.length]}: ${body}\n`;
    case "country":
      return `${place}, Somewhere — ${body}\n\n© ${date.getUTCFullYear()} Bench Wire. All rights reserved.\n`;
    case "none":
      return `${headline}\n\n${body}\n\nRead more: other stories\n`;
    case "html":
      return htmlPage(headline, article, place, paragraphs);
    case "ninjs1":
      return JSON.stringify({
        uri: `urn:bench:${i}`,
        type: "text",
        headline,
        byline: "Staff Writer",
        versioncreated: article.publishedAt,
        copyrightholder: "Bench Wire",
        body_text: `${place} - ${body}`,
      });
    case "ninjs2":
      return JSON.stringify({
        uri: `urn:bench:${i}`,
        type: "text",
        headlines: [{ role: "main", value: headline }],
        bodies: [{ role: "main", contenttype: "text/html", value: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") }],
        by: "Staff Writer",
        firstcreated: article.publishedAt,
        copyrightholder: "Bench Wire",
      });
  }
}

function htmlPage(headline: string, article: ArticleRecord, place: string, paragraphs: string[]): string {
  const ld = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline,
    datePublished: article.publishedAt,
    publisher: { "@type": "Organization", name: "Bench Wire" },
    author: { "@type": "Person", name: "Staff Writer" },
  };
  return `<!doctype html><html><head><title>${escapeHtml(headline)} | Bench Wire</title>
<meta property="og:title" content="${escapeHtml(headline)}"><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>${escapeHtml(headline)}</h1>
${paragraphs.map((p, k) => `<p>${k === 0 ? `${place} - ` : ""}${escapeHtml(p)}</p>`).join("\n")}
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></aside>
</article></main><footer><p>© Bench Wire</p><a href="/terms">Terms</a></footer></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Run last, once every constant above is initialised.
if (args.child !== undefined) {
  console.log(JSON.stringify(await runBatch(args.dir!, Number(args.child))));
} else {
  await main();
}
