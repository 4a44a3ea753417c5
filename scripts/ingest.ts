// Command line for ingestion (tools/ingest/): plain-text articles in, a validated corpus out.
//   npm run ingest -- --out /tmp/c.json --published 2025-10-28 article.txt
//   npm run ingest -- --corpus data/corpus.json another.txt
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CorpusError } from "../src/corpus/CorpusError.js";
import { IngestError } from "../tools/ingest/IngestError.js";
import { ingestFiles } from "../tools/ingest/ingest.js";
import { formatIngestReport } from "../tools/ingest/report.js";

export const USAGE = `Usage: npm run ingest -- [--corpus FILE | --out FILE] [--published DATE] [--source NAME] ARTICLE.txt...

Extracts people, countries, agreements and tariffs, with exact mention spans and evidence,
from plain-text articles (optional copyright line, "DATELINE - " opening, body) and writes
a corpus the service validates and serves. Nothing is written unless the result validates.

  --out FILE         write a new corpus to FILE (with --corpus: merge into a copy written to FILE)
  --corpus FILE      merge into this corpus; the same entity found again is not duplicated
  --published DATE   publication date, YYYY-MM-DD or a date-time with offset; resolves
                     "in July" and "on Friday" (without it they stay unresolved)
  --source NAME      source of every article (default: read from its copyright line)
  -h, --help         show this help
`;

/** Where the command writes; process.stdout and process.stderr unless a test passes its own. */
export interface CommandOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Given the arguments after the script name, ingests the articles and resolves with the exit
 * code: 0 on success, 1 when an input is unusable (the message names the file; nothing is
 * written), 2 for bad arguments (after printing the usage).
 */
export async function runIngest(args: string[], output: CommandOutput = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let values: { corpus?: string; out?: string; published?: string; source?: string; help?: boolean };
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
        help: { type: "boolean", short: "h" },
      },
    }));
    if (values.help) {
      output.stdout.write(USAGE);
      return 0;
    }
    if (values.corpus === undefined && values.out === undefined) throw new Error("give --out FILE for a new corpus, or --corpus FILE to merge into");
    if (files.length === 0) throw new Error("no article files given");
  } catch (error) {
    output.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  try {
    const result = await ingestFiles({ files, corpus: values.corpus, out: values.out, published: values.published, source: values.source });
    output.stdout.write(`${formatIngestReport(result)}\n`);
    return 0;
  } catch (error) {
    // Input problems are reported in one message naming the file; anything else is a bug and keeps its stack.
    if (error instanceof IngestError || error instanceof CorpusError) {
      output.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

// Run only when executed as a script, so tests can import runIngest.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runIngest(process.argv.slice(2));
}
