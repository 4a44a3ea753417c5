// Reading a corpus file from disk: JSON parse errors and validation errors both become a
// CorpusError that names the file, so a bad file never reaches the indexes.
import { readFile } from "node:fs/promises";
import type { CorpusRecord } from "./format.js";
import { CorpusError } from "./CorpusError.js";
import { validateCorpus } from "./validate.js";

/**
 * Given a path to a corpus JSON file, returns the validated corpus, or throws a
 * {@link CorpusError} naming the file and what is wrong (unreadable, not JSON, or invalid).
 */
export async function loadCorpusFile(file: string): Promise<CorpusRecord> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CorpusError(file, [{ path: "$", reason: `cannot read the file: ${(error as Error).message}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(file, [{ path: "$", reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  return validateCorpus(json, file);
}
