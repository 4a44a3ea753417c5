// Command line for the synthetic corpus generator (tools/generate/generate.ts): writes a corpus
// file for tests and benchmarks, with a progress bar on stderr for large runs.
//   npm run corpus:generate -- --articles 100000 --out /tmp/c100k.json [--seed 7] [--people 3000]
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import {
  DEFAULT_AGREEMENTS,
  DEFAULT_PEOPLE,
  DEFAULT_SEED,
  DEFAULT_TARIFFS,
  writeCorpusFile,
  type GenerateCorpusOptions,
} from "../tools/generate/generate.js";

export const USAGE = `Usage: npm run corpus:generate -- --articles N --out FILE [options]

Writes a deterministic synthetic corpus (same options, same bytes) that passes validateCorpus.

  --articles N     number of articles (required, integer >= 0)
  --out FILE       where to write the JSON (required; written to FILE.partial, then renamed)
  --seed S         random seed, any integer; write a negative one as --seed=-3 (default ${DEFAULT_SEED})
  --people P       number of people (default ${DEFAULT_PEOPLE})
  --agreements A   agreements to plan; at most one per article is kept (default ${DEFAULT_AGREEMENTS})
  --tariffs T      tariffs to plan; at most one per article is kept (default ${DEFAULT_TARIFFS})
  -h, --help       show this help
`;

/** Runs at or above this many articles draw a progress bar; smaller ones finish too fast to need one. */
export const PROGRESS_THRESHOLD = 10_000;

/** Where the command writes; process.stdout and process.stderr unless a test passes its own. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: NodeJS.WritableStream;
}

/**
 * Given the arguments after the script name, writes the corpus and a summary line, and
 * resolves with the exit code: 0 on success, 2 for bad arguments (after printing the usage).
 * Failures while writing (disk full, bad directory) reject.
 */
export async function runGenerateCorpus(
  args: string[],
  output: CommandOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let parsed: { options: GenerateCorpusOptions; out: string } | "help";
  try {
    parsed = parseCommandLine(args);
  } catch (error) {
    output.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed === "help") {
    output.stdout.write(USAGE);
    return 0;
  }
  const { options, out } = parsed;

  const bar =
    options.articles >= PROGRESS_THRESHOLD
      ? new cliProgress.SingleBar(
          { stream: output.stderr, format: "{bar} {percentage}% | {value}/{total} articles | ETA {eta_formatted}", etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(options.articles, 0);
  const started = performance.now();
  try {
    const summary = await writeCorpusFile(out, options, (written) => bar?.update(written));
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    output.stdout.write(
      `Wrote ${out}: ${count(summary.articles)} articles, ${count(summary.countries)} countries, ` +
        `${count(summary.people)} people, ${count(summary.agreements)} agreements, ${count(summary.tariffs)} tariffs; ` +
        `${count(summary.bytes)} bytes (${(summary.bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s` +
        (seconds > 0 ? ` (${count(Math.round(summary.articles / seconds))} articles/s)\n` : "\n"),
    );
    return 0;
  } finally {
    bar?.stop();
  }
}

// Private: the options, or "help"; throws an Error whose message says which argument is wrong.
function parseCommandLine(args: string[]): { options: GenerateCorpusOptions; out: string } | "help" {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      articles: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      people: { type: "string" },
      agreements: { type: "string" },
      tariffs: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (values.articles === undefined) throw new Error("--articles is required");
  if (values.out === undefined || values.out === "") throw new Error("--out is required");
  return {
    out: values.out,
    options: {
      articles: integer("--articles", values.articles, 0),
      seed: values.seed === undefined ? undefined : integer("--seed", values.seed, Number.MIN_SAFE_INTEGER),
      people: values.people === undefined ? undefined : integer("--people", values.people, 0),
      agreements: values.agreements === undefined ? undefined : integer("--agreements", values.agreements, 0),
      tariffs: values.tariffs === undefined ? undefined : integer("--tariffs", values.tariffs, 0),
    },
  };
}

// Private: a whole number written in digits (underscores allowed: 1_000_000), no smaller than min.
function integer(flag: string, text: string, min: number): number {
  const digits = text.replaceAll("_", "");
  const value = /^-?\d+$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${flag} must be an integer >= ${min}, got "${text}"`);
  return value;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

// Run only when executed as a script, so tests can import runGenerateCorpus.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runGenerateCorpus(process.argv.slice(2));
}
