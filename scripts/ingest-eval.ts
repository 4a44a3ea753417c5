// Command line for the dev-set evaluation (tests/ingestDevset.ts): ingests every article of
// tests/fixtures/ingest/devset as it comes and prints precision and recall per category.
//   npm run ingest:eval                      dev, holdout, fresh, all (those three) and blind
//   npm run ingest:eval -- --split dev --details   only dev, with each article's misses
import { parseArgs } from "node:util";
import { CATEGORIES } from "../tests/ingestScore.js";
import {
  DEVSET_DIRECTORY,
  evaluateArticle,
  formatEvaluation,
  isDevelopedSplit,
  loadDevset,
  SPLITS,
  type ArticleOutcome,
} from "../tests/ingestDevset.js";

const USAGE = `Usage: npm run ingest:eval -- [--split dev|holdout|fresh|blind|all] [--details] [--directory DIR]

Ingests every article of tests/fixtures/ingest/devset (plain text, HTML, ninjs) as it comes and
prints precision and recall per category (people, roles, countries, metonyms, mentions,
tariffs with their status, agreements, commitments) for each split and all of them.
Develop against --split dev; holdout and fresh are for checking at the end. blind is a
measurement only: it is printed in its own column, never summed into "all", and nobody tunes on it.

  --split NAME   evaluate only this split (default: all, with a column per split)
  --details      list, per article, what was missed and what was extra
  --directory DIR  a set laid out the same way (DIR/dev, DIR/holdout, DIR/fresh, DIR/blind; default ${DEVSET_DIRECTORY})
  -h, --help     show this help
`;

async function main(): Promise<number> {
  let values: { split?: string; details?: boolean; directory?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        split: { type: "string" },
        details: { type: "boolean" },
        directory: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const split = values.split ?? "all";
  if (split !== "all" && !(SPLITS as readonly string[]).includes(split)) {
    process.stderr.write(`error: --split must be dev, holdout, fresh, blind or all, not ${JSON.stringify(split)}\n\n${USAGE}`);
    return 2;
  }
  const articles = (await loadDevset(values.directory)).filter((a) => split === "all" || a.split === split);
  const outcomes: ArticleOutcome[] = [];
  for (const article of articles) outcomes.push(await evaluateArticle(article));

  const columns: [string, ArticleOutcome[]][] =
    split === "all"
      ? [
          ...SPLITS.filter(isDevelopedSplit).map((s) => [s, outcomes.filter((o) => o.article.split === s)] as [string, ArticleOutcome[]]),
          ["all", outcomes.filter((o) => isDevelopedSplit(o.article.split))],
          ...SPLITS.filter((s) => !isDevelopedSplit(s)).map(
            (s) => [s, outcomes.filter((o) => o.article.split === s)] as [string, ArticleOutcome[]],
          ),
        ]
      : [[split, outcomes]];
  process.stdout.write(`${formatEvaluation(columns)}\n`);

  const refused = outcomes.filter((o) => o.error !== null);
  if (refused.length > 0) {
    process.stdout.write(`\n${refused.length} of ${outcomes.length} articles not ingested (all their facts count as missed):\n`);
    for (const o of refused) process.stdout.write(`  ${o.error!.split("\n")[0]}\n`);
  }
  if (values.details) {
    for (const o of outcomes) {
      const lines: string[] = [];
      for (const c of CATEGORIES) {
        for (const k of o.gold[c]) if (!o.predicted[c].has(k)) lines.push(`    - ${c}: ${k}`);
        for (const k of o.predicted[c]) if (!o.gold[c].has(k)) lines.push(`    + ${c}: ${k}`);
      }
      if (lines.length > 0) process.stdout.write(`\n${o.article.file}\n${lines.join("\n")}\n`);
    }
  }
  return 0;
}

process.exitCode = await main();
