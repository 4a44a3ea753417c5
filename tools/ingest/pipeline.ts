// The in-memory ingestion pipeline: article texts and a base corpus in, the merged corpus out,
// with what each article contributed. Nothing is read or written here (ingest.ts does the files).
import type { CorpusRecord } from "../../src/corpus/format.js";
import { parseArticleText } from "./articleText.js";
import { extractFindings } from "./extract.js";
import type { UnresolvedFinding } from "./findings.js";
import { IngestError } from "./IngestError.js";
import { knownPeople } from "./knownPeople.js";
import { mergeArticle, type MergeCounts } from "./merge.js";
import { publicationTime } from "./publication.js";
import { toRecords } from "./records.js";

/** An article's text and the file it came from. */
export interface ArticleInput {
  file: string;
  text: string;
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
  const publishedAt = publicationTime(options.published ?? null);
  let corpus = base;
  const articles: ArticleResult[] = [];
  for (const input of inputs) {
    const parsed = parseArticleText(input.text, input.file);
    const source = options.source ?? sourceFromCopyright(parsed.copyright);
    if (source === null) throw new IngestError(input.file, "the article has no copyright line to name its source; pass --source NAME");
    const findings = extractFindings(parsed, publishedAt, knownPeople(corpus.people));
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

// Private: the source a copyright line names: "Copyright kyodonews" → "Kyodo News".
function sourceFromCopyright(copyright: string | null): string | null {
  const holder = copyright?.replace(/^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s*)?/i, "").trim();
  if (!holder) return null;
  // Wire services write their handle ("kyodonews"); the corpus wants the name ("Kyodo News").
  const handle = /^([a-z]+)(news)$/i.exec(holder);
  if (handle) return `${title(handle[1])} ${title(handle[2])}`;
  return holder;
}

function title(word: string): string {
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}
