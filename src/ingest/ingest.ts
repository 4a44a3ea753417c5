// Ingestion end to end: article files in, a validated corpus out. Every article is read, parsed
// and merged in memory first; the corpus is written only if the whole result validates, through
// a temporary file and a rename, so a failure leaves any existing corpus exactly as it was.
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { z } from "zod";
import { CorpusError } from "../corpus/CorpusError.js";
import type { CorpusRecord } from "../corpus/format.js";
import { loadCorpusFile } from "../corpus/load.js";
import { validateCorpus } from "../corpus/validate.js";
import { parseArticleText } from "./articleText.js";
import { extractFindings } from "./extract.js";
import type { UnresolvedFinding } from "./findings.js";
import { IngestError } from "./IngestError.js";
import { mergeArticle, type MergeCounts } from "./merge.js";
import { toRecords } from "./records.js";

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

/** What happened to one article file. */
export interface ArticleResult {
  file: string;
  articleId: string;
  /** True when the corpus already held this article; it was left as it was. */
  alreadyPresent: boolean;
  added: MergeCounts;
  matched: MergeCounts;
  mentions: number;
  unresolved: UnresolvedFinding[];
}

/** The outcome of a run: the corpus written and what each article contributed. */
export interface IngestResult {
  written: string;
  corpus: CorpusRecord;
  articles: ArticleResult[];
}

/** An article's text and the file it came from. */
export interface ArticleInput {
  file: string;
  text: string;
}

/** Returns a corpus with no records, the start of `--out` without `--corpus`. */
export function emptyCorpus(): CorpusRecord {
  return { version: 1, articles: [], people: [], countries: [], agreements: [], tariffs: [] };
}

/**
 * Given a base corpus and article texts, returns the corpus with every article merged in order,
 * and what each contributed. Pure: nothing is read or written. Throws {@link IngestError}
 * naming the file of the first article that cannot be used.
 */
export function ingestTexts(
  base: CorpusRecord,
  inputs: ArticleInput[],
  options: { published?: string | null; source?: string | null } = {},
): { corpus: CorpusRecord; articles: ArticleResult[] } {
  const publishedAt = normalisePublished(options.published ?? null);
  let corpus = base;
  const articles: ArticleResult[] = [];
  for (const input of inputs) {
    const parsed = parseArticleText(input.text, input.file);
    const source = options.source ?? sourceFromCopyright(parsed.copyright);
    if (source === null) throw new IngestError(input.file, "the article has no copyright line to name its source; pass --source NAME");
    const findings = extractFindings(parsed, publishedAt);
    const extraction = toRecords(findings, { publishedAt, source });
    const outcome = mergeArticle(corpus, extraction);
    corpus = outcome.corpus;
    articles.push({
      file: input.file,
      articleId: outcome.articleId,
      alreadyPresent: outcome.alreadyPresent,
      added: outcome.added,
      matched: outcome.matched,
      mentions: outcome.alreadyPresent ? 0 : extraction.article.mentions.length,
      unresolved: outcome.alreadyPresent ? [] : extraction.unresolved,
    });
  }
  return { corpus, articles };
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
  const base = request.corpus !== undefined ? await loadCorpusFile(request.corpus) : emptyCorpus();
  const inputs: ArticleInput[] = [];
  for (const file of request.files) inputs.push({ file, text: await readArticleFile(file) });
  const { corpus, articles } = ingestTexts(base, inputs, { published: request.published ?? null, source: request.source ?? null });

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

// Private: the source a copyright line names: "Copyright kyodonews" → "Kyodo News".
function sourceFromCopyright(copyright: string | null): string | null {
  const holder = copyright?.replace(/^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s*)?/i, "").trim();
  if (!holder) return null;
  // Wire services write their handle ("kyodonews"); the corpus wants the name ("Kyodo News").
  const handle = /^([a-z]+)(news)$/i.exec(holder);
  if (handle) return `${title(handle[1])} ${title(handle[2])}`;
  return holder;
}

// Private: "2025-10-28" → "2025-10-28T00:00:00Z"; a date-time with offset passes as it is.
function normalisePublished(published: string | null): string | null {
  if (published === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    const iso = `${published}T00:00:00Z`;
    const time = Date.parse(iso);
    if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== published) throw new IngestError("--published", `"${published}" is not a calendar date`);
    return iso;
  }
  if (!z.iso.datetime({ offset: true }).safeParse(published).success) {
    throw new IngestError("--published", `"${published}" is not a date (YYYY-MM-DD) or a date-time with offset (2025-10-28T12:00:00+09:00)`);
  }
  return published;
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

function title(word: string): string {
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}
