// Reading a corpus file from disk: JSON parse errors and validation errors both become a
// CorpusError that names the file, so a bad file never reaches the indexes. Small files are
// parsed whole; large ones are streamed record by record (stream.ts), with the same rules.
import { readFile, stat } from "node:fs/promises";
import type { CorpusRecord } from "./format.js";
import { CorpusError } from "./CorpusError.js";
import { streamCorpusFile } from "./stream.js";
import { validateCorpus } from "./validate.js";

/**
 * Files at least this big are streamed. Node cannot hold a string past ~512 MB, and well before
 * that a whole-file parse needs the text, the parsed tree and the validated copy at once.
 */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** How {@link loadCorpusFile} reads the file. */
export interface LoadCorpusOptions {
  /**
   * `"whole"` reads and parses the file as one string, `"stream"` record by record, `"auto"`
   * streams files of {@link STREAM_THRESHOLD_BYTES} or more. Both give the same corpus and errors.
   * @default "auto"
   */
  mode?: "auto" | "whole" | "stream";
}

/**
 * Given a path to a corpus JSON file, returns the validated corpus, or throws a
 * {@link CorpusError} naming the file and what is wrong (unreadable, not JSON, or invalid).
 */
export async function loadCorpusFile(file: string, options: LoadCorpusOptions = {}): Promise<CorpusRecord> {
  const mode = options.mode ?? "auto";
  if (mode === "stream") return streamCorpusFile(file);
  if (mode === "auto") {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      throw unreadable(file, error);
    }
    if (size >= STREAM_THRESHOLD_BYTES) return streamCorpusFile(file);
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw unreadable(file, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(file, [{ path: "$", reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  return validateCorpus(json, file);
}

// Private: the error for a file that cannot be read at all.
function unreadable(file: string, error: unknown): CorpusError {
  return new CorpusError(file, [{ path: "$", reason: `cannot read the file: ${(error as Error).message}` }]);
}
