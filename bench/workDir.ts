// The benchmarks' scratch directory and the generated corpora kept in it, shared by `npm run bench`
// and its PostgreSQL comparison so that a corpus of each size is generated once for both.
import { existsSync, mkdirSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpusChunks, writeCorpusFile } from "../tools/generate/generate.js";

/** Where the benchmarks keep corpora, recorded answers and database clusters between runs. */
export const WORK_DIR = join(tmpdir(), "news-bench");

/**
 * Given a number of articles, returns the path of a generated corpus of that size in
 * {@link WORK_DIR}, generating it the first time. Later runs reuse the file unless the generator
 * has changed since (its entities, written first, are not what it writes now): a benchmark never
 * measures a corpus the generator no longer makes.
 */
export async function generatedCorpus(n: number): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, `corpus-${n}.json`);
  if (existsSync(file) && !(await startsWith(file, generateCorpusChunks({ articles: n }).next().value!))) {
    console.log(`${file} was written by an older generator: regenerating it …`);
  } else if (existsSync(file)) {
    return file;
  }
  console.log(`generating ${n} articles into ${file} …`);
  await writeCorpusFile(file, { articles: n });
  return file;
}

// Private: whether the file's first bytes are exactly `text` (UTF-8).
async function startsWith(file: string, text: string): Promise<boolean> {
  const expected = Buffer.from(text, "utf8");
  const handle = await open(file, "r");
  try {
    const actual = Buffer.alloc(expected.length);
    const { bytesRead } = await handle.read(actual, 0, expected.length, 0);
    return bytesRead === expected.length && actual.equals(expected);
  } finally {
    await handle.close();
  }
}
