// Command line for ingestion (tools/ingest/): wire copy, HTML pages and ninjs items in, a
// validated corpus out.
//   npm run ingest -- --out /tmp/c.json story.txt page.html items.jsonl
//   npm run ingest -- --corpus data/corpus.json --keep-going 'wire/**/*'
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { CorpusError } from "../src/corpus/CorpusError.js";
import { IngestError } from "../tools/ingest/IngestError.js";
import { ingestFiles, IngestErrors } from "../tools/ingest/ingest.js";
import { formatIngestReport, formatWarnings } from "../tools/ingest/report.js";

export const USAGE = `Usage: npm run ingest -- [--corpus FILE | --out FILE] [options] INPUT...

Extracts people, countries, agreements, tariffs and organizations, with exact mention spans and evidence,
from news articles and writes a corpus the service validates and serves. An INPUT is a file,
a folder (its .txt, .html, .htm, .json, .jsonl and .ndjson files) or a quoted glob. Files are
  plain text   wire copy in any agency style ("TOKYO - ", "LONDON (AP) — ",
               "TOKYO, Aug 6 (Reuters) - ", "WASHINGTON/HANOI: ") or with no dateline
  HTML         a saved news page (JSON-LD NewsArticle, OpenGraph, the article text)
  JSON         an IPTC ninjs 1.x or 2.x item, or an array of them
  JSON Lines   one ninjs item per line (.jsonl, .ndjson)
Nothing is written unless every article was ingested (or --keep-going) and the result validates.

  --out FILE         write a new corpus to FILE (with --corpus: merge into a copy written to FILE)
  --corpus FILE      merge into this corpus; the same entity found again is not duplicated
  --published DATE   publication date, YYYY-MM-DD or a date-time with offset, for articles that
                     carry none, and the year of a dateline's "Aug 6" (default: the file's date)
  --source NAME      source of articles whose text names none (default: "unknown", with a warning)
  --keep-going       ingest the articles that can be, and list the others with their reasons
  -h, --help         show this help
`;

/** Where the command writes; process.stdout and process.stderr unless a test passes its own. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Given the arguments after the script name, ingests the articles and resolves with the exit
 * code: 0 on success (with --keep-going, when at least one article was ingested), 1 when an
 * input is unusable (one line per input, naming it; nothing is written), 2 for bad arguments
 * (after printing the usage).
 */
export async function runIngest(
  args: string[],
  output: CommandOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let values: { corpus?: string; out?: string; published?: string; source?: string; "keep-going"?: boolean; help?: boolean };
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        corpus: { type: "string" },
        out: { type: "string" },
        published: { type: "string" },
        source: { type: "string" },
        "keep-going": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
    if (values.help) {
      output.stdout.write(USAGE);
      return 0;
    }
    if (values.corpus === undefined && values.out === undefined)
      throw new Error("give --out FILE for a new corpus, or --corpus FILE to merge into");
    if (files.length === 0) throw new Error("no article files given");
  } catch (error) {
    output.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  try {
    const result = await ingestFiles({
      files,
      corpus: values.corpus,
      out: values.out,
      published: values.published,
      source: values.source,
      keepGoing: values["keep-going"] ?? false,
      progress: output.stderr.isTTY === true ? progressBar(output.stderr) : undefined,
    });
    output.stderr.write(formatWarnings(result));
    output.stdout.write(`${formatIngestReport(result)}\n`);
    return 0;
  } catch (error) {
    // Input problems are reported one line per input, naming it; anything else is a bug and keeps its stack.
    if (error instanceof IngestError || error instanceof CorpusError || error instanceof IngestErrors) {
      const errors = error instanceof IngestErrors ? error.errors : [error];
      output.stderr.write(errors.map((e) => `error: ${e.message}\n`).join(""));
      return 1;
    }
    throw error;
  }
}

// Private: a progress bar on the terminal with the articles done, the rate and the time left;
// drawn only on a terminal, so logs and pipes get the report alone.
function progressBar(stream: CommandOutput["stderr"]): NonNullable<Parameters<typeof ingestFiles>[0]["progress"]> {
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: "ingesting {bar} {value}/{total} articles | {rate} articles/s | {eta_formatted} left",
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = 0;
  return {
    start(total) {
      started = performance.now();
      bar.start(total, 0, { rate: "0.0" });
    },
    update(done) {
      bar.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}

// Run only when executed as a script, so tests can import runIngest.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runIngest(process.argv.slice(2));
}
