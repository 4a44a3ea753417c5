// The team's development set, ingested as it comes: its shape (how many articles, styles,
// formats and economies), its gold annotation (every expected mention is in the article), and
// precision and recall per category over the whole set (dev, holdout, fresh) against the 0.9
// target. Each split was held out once and scored before anyone tuned on it (docs/ingestion.md);
// a new held-out split must be written before the rules are changed against copy they have not seen.
// The blind split is such a measurement: it is scored and printed, never held to the target.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  evaluateArticle,
  formatEvaluation,
  isDevelopedSplit,
  loadDevset,
  precisionOf,
  recallOf,
  totals,
  type ArticleOutcome,
  type DevsetArticle,
} from "./ingestDevset.js";
import { CATEGORIES, type Category } from "./ingestScore.js";

const TARGET = 0.9;

/**
 * Categories not yet at the target over the splits developed against, each with the floor it
 * must not fall below. Empty since 2026-12-02: agreements, held to 0.75/0.71 that morning
 * (0.775/0.738 measured), reached 1.000/1.000 on dev and 0.905 recall over dev and holdout once
 * conclusion dates were read from the story (reporting verbs, concluding verbs elsewhere, the
 * lead) and "the arrangement"/"the framework" resolved. Add an entry only with a measured reason.
 */
const BELOW_TARGET: Partial<Record<Category, { precision: number; recall: number }>> = {};

let articles: DevsetArticle[];
let outcomes: ArticleOutcome[];
/** The outcomes of the splits developed against; the blind split is measured, not held to the target. */
let developed: ArticleOutcome[];

beforeAll(async () => {
  articles = await loadDevset();
  outcomes = [];
  for (const article of articles) outcomes.push(await evaluateArticle(article));
  developed = outcomes.filter((o) => isDevelopedSplit(o.article.split));
  console.log(
    formatEvaluation([
      ["dev", outcomes.filter((o) => o.article.split === "dev")],
      ["holdout", outcomes.filter((o) => o.article.split === "holdout")],
      ["fresh", outcomes.filter((o) => o.article.split === "fresh")],
      ["all", developed],
      ["blind", outcomes.filter((o) => o.article.split === "blind")],
    ]),
  );
}, 120_000);

describe("the dev set", () => {
  it("has at least 24 articles, 8 of them held out, with at least 4 HTML pages and 4 ninjs items", () => {
    expect(articles.length).toBeGreaterThanOrEqual(24);
    expect(articles.filter((a) => a.split === "holdout").length).toBeGreaterThanOrEqual(8);
    expect(articles.filter((a) => a.split === "blind").length).toBeGreaterThanOrEqual(8);
    expect(articles.filter((a) => extname(a.file) === ".html").length).toBeGreaterThanOrEqual(4);
    expect(articles.filter((a) => extname(a.file) === ".json").length).toBeGreaterThanOrEqual(4);
  });

  it("covers at least eight plain-text wire styles and twelve economies", () => {
    const styles = new Set(articles.filter((a) => extname(a.file) === ".txt").map((a) => a.expected.format));
    expect(styles.size).toBeGreaterThanOrEqual(8);
    const economies = new Set(articles.flatMap((a) => a.expected.countries));
    expect(economies.size).toBeGreaterThanOrEqual(12);
  });

  it("has every gold mention, tariff and agreement text in its article file", async () => {
    for (const a of articles) {
      const raw = await readFile(a.file, "utf8");
      // JSON escapes quotes and HTML escapes ampersands and quotes; compare against the decoded text.
      const text = extname(a.file) === ".json" ? JSON.stringify(JSON.parse(raw)) : raw;
      for (const m of a.expected.mentions) {
        const wanted =
          extname(a.file) === ".json" ? JSON.stringify(m.text).slice(1, -1) : extname(a.file) === ".html" ? escapeHtml(m.text) : m.text;
        expect(text.includes(wanted), `${a.file}: ${JSON.stringify(m.text)}`).toBe(true);
      }
    }
  });
});

describe("ingesting the dev set as it comes", () => {
  it.each(CATEGORIES.map((c) => [c]))(
    `%s: precision and recall over the whole set >= ${TARGET}, or not below the recorded floor`,
    (category) => {
      const sums = totals(developed)[category];
      const floor = BELOW_TARGET[category] ?? { precision: TARGET, recall: TARGET };
      expect(
        { precision: precisionOf(sums) >= floor.precision, recall: recallOf(sums) >= floor.recall },
        JSON.stringify({ ...sums, floor }),
      ).toEqual({
        precision: true,
        recall: true,
      });
    },
  );
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}
