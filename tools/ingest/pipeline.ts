// The in-memory ingestion pipeline: articles (as the readers return them) and a base corpus in,
// the merged corpus out, with what each article contributed. Nothing is read or written here
// (ingest.ts does the files). The base is copied once and every article merged into the copy.
import type { CorpusRecord } from "../../src/corpus/format.js";
import { extractFindings } from "./extract.js";
import type { UnresolvedFinding } from "./findings.js";
import { IngestError } from "./IngestError.js";
import { knownPeople } from "./knownPeople.js";
import { mergeArticle, type MergeCounts } from "./merge.js";
import { publicationTime } from "./publication.js";
import { readArticleText, type ReadArticle } from "./read/readArticle.js";
import { toRecords } from "./records.js";

/** An article's text and the file it came from. */
export interface ArticleInput {
  file: string;
  text: string;
}

/** The source recorded for an article whose text names none and no --source was given. */
export const UNKNOWN_SOURCE = "unknown";

/** What happened to one article. */
export interface ArticleResult {
  /** The file, or "file:LINE" for an item of a JSON Lines file. */
  file: string;
  articleId: string;
  /** True when the corpus already held this article; it was left as it was. */
  alreadyPresent: boolean;
  added: MergeCounts;
  matched: MergeCounts;
  mentions: number;
  unresolved: UnresolvedFinding[];
  /** What was ingested but should be checked: an unknown source, no publication date. */
  warnings: string[];
}

/** An article that could not be ingested, and why. */
export interface ArticleFailure {
  file: string;
  reason: string;
}

/** How a batch is ingested. */
export interface IngestOptions {
  /** --published, for articles whose text carries no date. */
  published?: string | null;
  /** --source, for articles whose text names no source. */
  source?: string | null;
  /**
   * --keep-going: an article that cannot be ingested is listed in `failed` and the rest go on.
   * Without it the first one throws its {@link IngestError}.
   */
  keepGoing?: boolean;
  /** Called after each article, ingested or not, with how many are done (for a progress bar). */
  onArticle?: (done: number) => void;
}

/** Returns a corpus with no records, the start of `--out` without `--corpus`. */
export function emptyCorpus(): CorpusRecord {
  return { version: 1, articles: [], people: [], countries: [], agreements: [], tariffs: [] };
}

/**
 * Given a base corpus and article texts (plain text, HTML or ninjs, told apart as
 * {@link readArticleText} does), returns the corpus with every article merged in order, and
 * what each contributed. Pure: nothing is read or written. Throws {@link IngestError} naming the
 * file of the first article that cannot be used.
 */
export function ingestTexts(
  base: CorpusRecord,
  inputs: ArticleInput[],
  options: IngestOptions = {},
): { corpus: CorpusRecord; articles: ArticleResult[] } {
  publicationTime(options.published ?? null);
  const articles = inputs.flatMap((input) => readArticleText(input.text, input.file, { published: options.published ?? null }));
  const { corpus, articles: results } = ingestArticles(base, articles, options);
  return { corpus, articles: results };
}

/**
 * Given a base corpus and articles as the readers return them, returns a new corpus with each
 * merged in order, what each contributed and (with `keepGoing`) the ones that failed. The base
 * is not modified.
 */
export function ingestArticles(
  base: CorpusRecord,
  inputs: ReadArticle[],
  options: IngestOptions = {},
): { corpus: CorpusRecord; articles: ArticleResult[]; failed: ArticleFailure[] } {
  const corpus = structuredClone(base);
  const articles: ArticleResult[] = [];
  const failed: ArticleFailure[] = [];
  inputs.forEach((input, i) => {
    try {
      articles.push(ingestOne(corpus, input, options));
    } catch (error) {
      if (!options.keepGoing) throw error;
      failed.push({
        file: input.origin,
        reason: error instanceof IngestError ? error.reason : `extraction failed (${(error as Error).message})`,
      });
    }
    options.onArticle?.(i + 1);
  });
  return { corpus, articles, failed };
}

// Private: one article extracted and merged into `corpus` (modified in place).
function ingestOne(corpus: CorpusRecord, input: ReadArticle, options: IngestOptions): ArticleResult {
  const warnings: string[] = [];
  let source = input.source ?? options.source ?? null;
  if (source === null) {
    source = UNKNOWN_SOURCE;
    warnings.push(
      `no source named (no "(AP)"-style dateline, copyright line or publisher); recorded as "${UNKNOWN_SOURCE}" — pass --source NAME`,
    );
  }
  if (input.publishedAt === null)
    warnings.push('no publication date (none in the text or metadata); pass --published DATE to resolve "in July" and "on Friday"');
  const findings = extractFindings(input, input.publishedAt, knownPeople(corpus.people));
  const extraction = toRecords(findings, { publishedAt: input.publishedAt, source });
  const outcome = mergeArticle(corpus, extraction, { inPlace: true });
  return {
    file: input.origin,
    articleId: outcome.articleId,
    alreadyPresent: outcome.alreadyPresent,
    added: outcome.added,
    matched: outcome.matched,
    mentions: outcome.alreadyPresent ? 0 : extraction.article.mentions.length,
    unresolved: outcome.alreadyPresent ? [] : extraction.unresolved,
    warnings: outcome.alreadyPresent ? [] : warnings,
  };
}
