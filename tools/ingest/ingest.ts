// Ingestion end to end: article files in, a validated corpus out. Every article is read, parsed
// and merged in memory first; the corpus is written only if the whole result validates, through
// a temporary file and a rename, so a failure leaves any existing corpus exactly as it was.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { CorpusError } from "../../src/corpus/CorpusError.js";
import type { CorpusRecord } from "../../src/corpus/format.js";
import { loadCorpusFile } from "../../src/corpus/load.js";
import { validateCorpus } from "../../src/corpus/validate.js";
import { IngestError } from "./IngestError.js";
import type { ArticleInput, ArticleResult } from "./pipeline.js";
import { publicationTime } from "./publication.js";

/** What to ingest and where to write it. */
export interface IngestRequest {
  /** Plain-text article files. */
  files: string[];
  /** A corpus to merge into; written back unless {@link IngestRequest.out} is given. */
  corpus?: string;
  /** Where to write the corpus; a new corpus when {@link IngestRequest.corpus} is not given. */
  out?: string;
  /** Publication date (YYYY-MM-DD) or date-time with offset, for every article. */
  published?: string;
  /** Source name for every article; by default read from its copyright line. */
  source?: string;
}

/** The outcome of a run: the corpus written and what each article contributed. */
export interface IngestResult {
  written: string;
  corpus: CorpusRecord;
  articles: ArticleResult[];
}

/**
 * Given a request, reads the articles (and the corpus to merge into), ingests them, validates
 * the result and writes it atomically. Throws {@link IngestError} or {@link CorpusError}, each
 * naming the file at fault, before anything is written.
 */
export async function ingestFiles(request: IngestRequest): Promise<IngestResult> {
  const target = request.out ?? request.corpus;
  if (target === undefined) throw new IngestError("the command line", "give --out FILE for a new corpus or --corpus FILE to merge into");
  if (request.files.length === 0) throw new IngestError("the command line", "no article files given");
  publicationTime(request.published ?? null);
  const base = request.corpus !== undefined ? await loadCorpusFile(request.corpus) : null;
  const inputs: ArticleInput[] = [];
  for (const file of request.files) inputs.push({ file, text: await readArticleFile(file) });

  // The NLP pipeline (compromise) takes seconds to load: load it only once the options, the
  // corpus and every file are known to be usable, so those mistakes are reported at once.
  const { emptyCorpus, ingestTexts } = await import("./pipeline.js");
  const { corpus, articles } = ingestTexts(base ?? emptyCorpus(), inputs, { published: request.published ?? null, source: request.source ?? null });

  try {
    validateCorpus(corpus, target);
  } catch (error) {
    if (error instanceof CorpusError) {
      throw new IngestError(target, `the result would not be a valid corpus, so nothing was written.\n${error.message}`);
    }
    throw error;
  }
  await writeAtomically(target, `${JSON.stringify(corpus, null, 2)}\n`);
  return { written: target, corpus, articles };
}

// Private: an article file's text; missing, unreadable or non-UTF-8 files name themselves.
async function readArticleFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory, not an article file" : `cannot read it (${(error as Error).message})`;
    throw new IngestError(file, reason);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, "it is not UTF-8 text");
  }
}

// Private: writes next to the target and renames over it, so readers see the old file or the new one.
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    await writeFile(temporary, text, "utf8");
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new IngestError(file, `cannot write it (${(error as Error).message})`);
  }
}
