// The team's development set (tests/fixtures/ingest/devset): every article ingested as it comes
// (plain text, HTML page or ninjs item, no hand edits, no --source; --published only for plain
// text), scored against its gold facts per category, and summed per split and over the splits
// developed against (the blind split is measured on its own and never summed into them).
import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { emptyCorpus, ingestTexts } from "../tools/ingest/pipeline.js";
import {
  annotationOfCorpus,
  annotationOfExpected,
  EXPECTED_MENTION_TYPES,
  CATEGORIES,
  score,
  type Annotation,
  type Category,
  type ExpectedArticle,
  withoutUnscoredDates,
} from "./ingestScore.js";

export const DEVSET_DIRECTORY = "tests/fixtures/ingest/devset";
/**
 * dev: developed against. holdout: held out by its authors, then read (2026-12-02, morning).
 * fresh: written 2026-12-02 before the relation layer's second round and scored only at its end.
 * blind: written 2026-12-02 (09:45 UTC) by a helper who had not read the rules, committed before
 * its first score; a measurement of copy the rules were not developed against, never tuned on.
 */
export const SPLITS = ["dev", "holdout", "fresh", "blind"] as const;
export type Split = (typeof SPLITS)[number];

/**
 * Splits that are only measured: scored and printed, but neither held to the target nor summed
 * into "all", so that nobody is pushed to tune the rules on them.
 */
export const MEASURED_ONLY_SPLITS: readonly Split[] = ["blind"];

/** Given a split, says whether it is developed against (held to the target and summed into "all"). */
export function isDevelopedSplit(split: Split): boolean {
  return !MEASURED_ONLY_SPLITS.includes(split);
}

/** One article of the set: its input file and its gold facts. */
export interface DevsetArticle {
  split: Split;
  name: string;
  /** The article as it comes: .txt, .html or .json (ninjs). */
  file: string;
  expected: ExpectedArticle;
}

/** One article's outcome: its annotations, or why it could not be ingested. */
export interface ArticleOutcome {
  article: DevsetArticle;
  predicted: Annotation;
  gold: Annotation;
  /** Why the article was not ingested; every gold fact then counts as missed. */
  error: string | null;
}

/** Summed counts of one category over several articles; precision and recall derive from them. */
export interface CategoryTotals {
  hits: number;
  predicted: number;
  gold: number;
}

/** Given the set's directory, returns its articles, dev first, by name. */
export async function loadDevset(directory = DEVSET_DIRECTORY): Promise<DevsetArticle[]> {
  const articles: DevsetArticle[] = [];
  for (const split of SPLITS) {
    const files = (await readdir(join(directory, split))).sort();
    for (const expectedFile of files.filter((f) => f.endsWith(".expected.json"))) {
      const name = expectedFile.slice(0, -".expected.json".length);
      const inputs = files.filter((f) => f !== expectedFile && f.slice(0, f.length - extname(f).length) === name);
      if (inputs.length !== 1)
        throw new Error(
          `${join(directory, split, expectedFile)}: expected exactly one article file named ${name}.*, found ${inputs.length}`,
        );
      const expected = JSON.parse(await readFile(join(directory, split, expectedFile), "utf8")) as ExpectedArticle;
      articles.push({ split, name, file: join(directory, split, inputs[0]), expected });
    }
  }
  return articles;
}

/**
 * Given an article of the set, ingests it as it comes and returns its predicted and gold
 * annotations. An article the pipeline refuses scores nothing (all its gold facts missed).
 */
export async function evaluateArticle(article: DevsetArticle): Promise<ArticleOutcome> {
  const text = await readFile(article.file, "utf8");
  // A date only for plain text, which carries none of its own (HTML and ninjs do).
  const published = extname(article.file) === ".txt" ? article.expected.published : null;
  try {
    const { corpus } = ingestTexts(emptyCorpus(), [{ file: article.file, text }], { published });
    const [ingested] = corpus.articles;
    const gold = annotationOfExpected(article.expected, ingested.body, { lenient: true, statuses: true });
    return {
      article,
      predicted: withoutUnscoredDates(
        annotationOfCorpus(corpus, ingested.id, { statuses: true, mentionTypes: EXPECTED_MENTION_TYPES }),
        gold,
      ),
      gold,
      error: null,
    };
  } catch (error) {
    return {
      article,
      predicted: emptyAnnotation(),
      gold: annotationOfExpected(article.expected, null, { lenient: true, statuses: true }),
      error: (error as Error).message,
    };
  }
}

/** Given outcomes, returns each category's hits, predictions and gold facts summed over them. */
export function totals(outcomes: ArticleOutcome[]): Record<Category, CategoryTotals> {
  const sums = Object.fromEntries(CATEGORIES.map((c) => [c, { hits: 0, predicted: 0, gold: 0 }])) as Record<Category, CategoryTotals>;
  for (const { predicted, gold } of outcomes) {
    for (const c of CATEGORIES) {
      const s = score(predicted[c], gold[c]);
      sums[c].hits += gold[c].size - s.missing.length;
      sums[c].predicted += predicted[c].size;
      sums[c].gold += gold[c].size;
    }
  }
  return sums;
}

/** Precision of summed counts (1 when nothing was predicted and nothing was to be found). */
export function precisionOf(t: CategoryTotals): number {
  return t.predicted === 0 ? (t.gold === 0 ? 1 : 0) : t.hits / t.predicted;
}

/** Recall of summed counts (1 when there was nothing to find). */
export function recallOf(t: CategoryTotals): number {
  return t.gold === 0 ? 1 : t.hits / t.gold;
}

/** Given outcomes by split name, returns the evaluation table `npm run ingest:eval` prints. */
export function formatEvaluation(columns: [string, ArticleOutcome[]][]): string {
  const sums = columns.map(([name, outcomes]) => [name, outcomes.length, totals(outcomes)] as const);
  const header = ["category".padEnd(12), ...sums.map(([name, n]) => `${name} (${n})`.padEnd(28))].join("");
  const sub = ["".padEnd(12), ...sums.map(() => "prec   recall  hits/gold".padEnd(28))].join("");
  const rows = CATEGORIES.map((c) =>
    [
      c.padEnd(12),
      ...sums.map(([, , t]) => `${precisionOf(t[c]).toFixed(3)}  ${recallOf(t[c]).toFixed(3)}   ${`${t[c].hits}/${t[c].gold}`}`.padEnd(28)),
    ].join(""),
  );
  return [header, sub, ...rows].join("\n");
}

function emptyAnnotation(): Annotation {
  return Object.fromEntries(CATEGORIES.map((c) => [c, new Set<string>()])) as unknown as Annotation;
}
