// The benchmarks' scratch directory and the generated corpora kept in it, shared by `npm run bench`
// and its PostgreSQL comparison so that a corpus of each size is generated once for both.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpusFile } from "../tools/generate/generate.js";

/** Where the benchmarks keep corpora, recorded answers and database clusters between runs. */
export const WORK_DIR = join(tmpdir(), "news-bench");

/**
 * Given a number of articles, returns the path of a generated corpus of that size in
 * {@link WORK_DIR}, generating it the first time (later runs reuse the file).
 */
export async function generatedCorpus(n: number): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, `corpus-${n}.json`);
  if (!existsSync(file)) {
    console.log(`generating ${n} articles into ${file} …`);
    await writeCorpusFile(file, { articles: n });
  }
  return file;
}
