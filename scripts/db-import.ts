// `npm run db:import -- --corpus FILE`: checks a corpus file of any size (streamed, never held
// whole), then upserts it into PostgreSQL in batches, one transaction each, with a progress bar.
// Running it twice changes nothing the second time; a bad file writes nothing at all. Records
// are validated once, by the check; the import pass reads the same bytes back and stops if the
// file has changed since.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import pg from "pg";
import { CorpusError } from "../src/corpus/CorpusError.js";
import { FileChangedError } from "../src/corpus/fileVersion.js";
import { checkCorpusFileVersion, checkedCorpusFileItems, importCorpus } from "../tools/import/importCorpus.js";

export const USAGE = `Usage: npm run db:import -- --corpus FILE [--database-url URL] [--batch-size N]

Checks FILE like \`npm start\` does, then upserts every record into the PostgreSQL database
(migrating its schema first). Idempotent: records already there unchanged are left alone.

  --corpus FILE        the corpus JSON file (required)
  --database-url URL   the primary (default: $DATABASE_URL)
  --batch-size N       records per transaction (default 1000)
  -h, --help           show this help
`;

/** Where the command writes; process streams unless a test passes its own. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Given the arguments after the script name, imports the corpus and resolves with the exit
 * code: 0 done, 1 invalid corpus or database error (message printed), 2 bad arguments.
 */
export async function runDbImport(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let options: { corpus: string; databaseUrl: string; batchSize: number } | "help";
  try {
    options = parseCommandLine(args, env);
  } catch (error) {
    output.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    output.stdout.write(USAGE);
    return 0;
  }
  const started = performance.now();
  // The imports log then spans the whole command, check included, as its printed time does.
  const startedAt = new Date();
  // Off a terminal (CI, a log file) the bars print one line every 5 s instead of redrawing.
  const bars = new cliProgress.MultiBar(
    { stream: output.stderr, noTTYOutput: true, notTTYSchedule: 5_000, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  try {
    const checking = bars.create(0, 0, {}, { format: "checking  {value} records  {duration_formatted}" });
    const checked = await checkCorpusFileVersion(options.corpus, { onRecords: (n) => checking.update(n) });
    checking.stop();
    const total = Object.values(checked.counts).reduce((a, b) => a + b, 0);
    const writing = bars.create(total, 0, {}, { format: "importing [{bar}] {percentage}% {value}/{total} records  eta {eta_formatted}" });
    let written = 0;
    const summary = await importCorpus(pool, checkedCorpusFileItems(checked), {
      batchSize: options.batchSize,
      corpusName: options.corpus,
      startedAt,
      onBatch: (s) => {
        written = Object.values(s.read).reduce((a, b) => a + b, 0);
        writing.update(written);
      },
    });
    bars.stop();
    const seconds = (performance.now() - started) / 1000;
    output.stdout.write(
      `imported ${options.corpus}: ${summary.read.articles} articles, ${summary.read.people} people, ${summary.read.countries} countries, ` +
        `${summary.read.agreements} agreements, ${summary.read.tariffs} tariffs; ${summary.changed} records new or changed, ` +
        `${summary.batches} transactions, ${seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    bars.stop();
    output.stderr.write(
      error instanceof CorpusError
        ? `${error.message}\nNothing was imported.\n`
        : error instanceof FileChangedError
          ? `import stopped: ${error.message}; the batches committed before stay, nothing read after the change was written. Run db:import again.\n`
          : `import failed: ${(error as Error).message}\n`,
    );
    return 1;
  } finally {
    await pool.end();
  }
}

// Private: the command line and environment as options, or "help"; throws on bad arguments.
function parseCommandLine(args: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args,
    options: {
      corpus: { type: "string" },
      "database-url": { type: "string" },
      "batch-size": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help" as const;
  if (!values.corpus) throw new Error("--corpus FILE is required");
  const databaseUrl = values["database-url"] ?? env.DATABASE_URL;
  if (!databaseUrl) throw new Error("no database: pass --database-url URL or set DATABASE_URL");
  const batchSize = Number(values["batch-size"] ?? 1000);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
    throw new Error("--batch-size must be a whole number from 1 to 100000");
  return { corpus: values.corpus, databaseUrl, batchSize };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runDbImport(process.argv.slice(2));
}
