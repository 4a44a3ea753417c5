// Ingestion end to end: article files (plain text, HTML pages, ninjs JSON and JSON Lines; named
// one by one, by folder or by glob) in, a validated corpus out. Every article is read, parsed and
// merged in memory first; the corpus is written only if the whole result validates, through a
// temporary file and a rename, so a failure leaves any existing corpus exactly as it was.
import { open, rename, rm } from "node:fs/promises";
import { CorpusError } from "../../src/corpus/CorpusError.js";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { loadCorpusFile } from "../../src/corpus/load.js";
import { validateCorpus } from "../../src/corpus/validate.js";
import { IngestError } from "./IngestError.js";
import type { ArticleFailure, ArticleResult } from "./pipeline.js";
import { publicationTime } from "./publication.js";
import { expandInputs } from "./read/inputPaths.js";
import { readArticleFile, type ReadArticle } from "./read/readArticle.js";

/** What to ingest and where to write it. */
export interface IngestRequest {
  /** Article files, folders of them, or globs. */
  files: string[];
  /** A corpus to merge into; written back unless {@link IngestRequest.out} is given. */
  corpus?: string;
  /** Where to write the corpus; a new corpus when {@link IngestRequest.corpus} is not given. */
  out?: string;
  /** Publication date (YYYY-MM-DD) or date-time with offset, for articles that carry none. */
  published?: string;
  /** Source name for articles whose text and metadata name none. */
  source?: string;
  /**
   * Ingest the articles that can be, and list the others with their reasons. Without it, one
   * article that cannot be ingested stops the run and nothing is written.
   * @default false
   */
  keepGoing?: boolean;
  /** Told how many articles there are, then after each one; the command draws its progress bar with it. */
  progress?: { start(total: number): void; update(done: number): void; stop(): void };
}

/** The outcome of a run: the corpus written, what each article contributed, what was left out. */
export interface IngestResult {
  written: string;
  corpus: CorpusRecord;
  articles: ArticleResult[];
  /** Inputs and articles left out under --keep-going, with the reason. */
  failed: ArticleFailure[];
  /** Wall-clock seconds spent reading and extracting, for the rate the report states. */
  seconds: number;
}

/** Thrown when inputs cannot be used and --keep-going is off: every one of them, one line each. */
export class IngestErrors extends Error {
  override readonly name = "IngestErrors";

  constructor(readonly errors: IngestError[]) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

/**
 * Given a request, reads the articles (and the corpus to merge into), ingests them, validates
 * the result and writes it atomically. Throws {@link IngestError} or {@link CorpusError} naming
 * the file at fault, or {@link IngestErrors} listing every unreadable input, before anything is written.
 */
export async function ingestFiles(request: IngestRequest): Promise<IngestResult> {
  const target = request.out ?? request.corpus;
  if (target === undefined) throw new IngestError("the command line", "give --out FILE for a new corpus or --corpus FILE to merge into");
  if (request.files.length === 0) throw new IngestError("the command line", "no article files given");
  publicationTime(request.published ?? null);
  const started = performance.now();
  const base = request.corpus !== undefined ? await loadCorpusFile(request.corpus) : null;
  const files = await expandInputs(request.files);

  // Reading is cheap next to extraction: every input is read first, so the mistakes in a batch are
  // all reported at once, before the NLP pipeline (seconds to load) is even started.
  const inputs: ReadArticle[] = [];
  const unreadable: IngestError[] = [];
  for (const file of files) {
    try {
      inputs.push(...(await readArticleFile(file, { published: request.published ?? null })));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      unreadable.push(error);
    }
  }
  if (unreadable.length > 0 && !request.keepGoing) throw unreadable.length === 1 ? unreadable[0] : new IngestErrors(unreadable);
  const failed: ArticleFailure[] = unreadable.map((e) => ({ file: e.file, reason: e.reason }));
  if (inputs.length === 0)
    throw new IngestError("the command line", `none of the ${files.length} inputs could be read, so nothing was written`);

  const { emptyCorpus, ingestArticles } = await import("./pipeline.js");
  request.progress?.start(inputs.length);
  let outcome: ReturnType<typeof ingestArticles>;
  try {
    outcome = ingestArticles(base ?? emptyCorpus(), inputs, {
      published: request.published ?? null,
      source: request.source ?? null,
      keepGoing: request.keepGoing ?? false,
      onArticle: (done) => request.progress?.update(done),
    });
  } finally {
    request.progress?.stop();
  }
  failed.push(...outcome.failed);
  if (outcome.articles.length === 0) throw new IngestError("the command line", "no article could be ingested, so nothing was written");

  try {
    validateCorpus(outcome.corpus, target);
  } catch (error) {
    if (error instanceof CorpusError) {
      throw new IngestError(target, `the result would not be a valid corpus, so nothing was written.\n${error.message}`);
    }
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  await writeAtomically(target, corpusJson(outcome.corpus));
  return { written: target, corpus: outcome.corpus, articles: outcome.articles, failed, seconds };
}

// Private: writes next to the target and renames over it, so readers see the old file or the new one.
async function writeAtomically(file: string, pieces: Iterable<string>): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    const handle = await open(temporary, "w");
    try {
      for (const piece of pieces) await handle.write(piece, null, "utf8");
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new IngestError(file, `cannot write it (${(error as Error).message})`);
  }
}

/**
 * Given a corpus, yields the text of `JSON.stringify(corpus, null, 2)` and a final newline, one
 * record at a time: the same bytes, without ever holding the whole text, which for a batch of
 * thousands of articles is the largest single thing the command would hold.
 */
export function* corpusJson(corpus: CorpusRecord): Generator<string> {
  const entries = Object.entries(corpus).filter(([, value]) => value !== undefined && typeof value !== "function");
  yield "{";
  for (const [k, [key, value]] of entries.entries()) {
    const comma = k < entries.length - 1 ? "," : "";
    if (!Array.isArray(value) || value.length === 0) {
      yield `\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), "  ")}${comma}`;
      continue;
    }
    yield `\n  ${JSON.stringify(key)}: [`;
    for (const [i, item] of value.entries()) {
      yield `\n    ${indent(JSON.stringify(item ?? null, null, 2), "    ")}${i < value.length - 1 ? "," : ""}`;
    }
    yield `\n  ]${comma}`;
  }
  yield entries.length > 0 ? "\n}\n" : "}\n";
}

// Private: JSON text nested one level deeper. A line break in JSON text is always between
// tokens (strings escape theirs), so every one starts a line to indent.
function indent(json: string, by: string): string {
  return json.replaceAll("\n", `\n${by}`);
}
