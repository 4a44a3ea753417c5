// Loading a corpus file record by record, for files too big to hold as one string. Each record
// is shape-checked (format.ts) and each article's spans checked as it arrives; the cross-record
// rules run once at the end, so the result and the CorpusError messages match validateCorpus.
import { CorpusError, type CorpusProblem } from "./CorpusError.js";
import { CORPUS_SECTIONS, CorpusSchema, type CorpusRecord } from "./format.js";
import { CHUNK_BYTES, JsonSyntaxError, readCorpusEntries } from "./records.js";
import { MAX_PROBLEMS, checkArticleSpans, checkRules, shapeProblem } from "./validate.js";

const SECTIONS = CORPUS_SECTIONS;

type Section = keyof typeof SECTIONS;

/**
 * Given a path to a corpus JSON file of any size, returns the validated corpus, or throws a
 * {@link CorpusError} naming the file and what is wrong, exactly as loading it whole would:
 * the same rules, the same JSON paths. Nothing is returned unless the whole file passed.
 * `chunkBytes` is the read size (tests make it tiny to cut records at every byte).
 */
export async function streamCorpusFile(file: string, chunkBytes = CHUNK_BYTES): Promise<CorpusRecord> {
  // What the top level holds, with each array reduced to [] so CorpusSchema can judge the
  // skeleton (missing or unknown keys, the version) without the records.
  const skeleton: Record<string, unknown> = {};
  const records: Partial<Record<Section, unknown[]>> = {};
  const shapeProblems: CorpusProblem[] = [];
  const spanProblems: CorpusProblem[] = [];
  const reportSpan = (path: string, reason: string) => {
    if (spanProblems.length < MAX_PROBLEMS) spanProblems.push({ path, reason });
  };

  try {
    for await (const entry of readCorpusEntries(file, chunkBytes)) {
      if (entry.kind === "value") {
        skeleton[entry.key] = entry.value;
        if (isSection(entry.key)) delete records[entry.key];
        continue;
      }
      if (entry.kind === "array") {
        skeleton[entry.key] = [];
        if (isSection(entry.key)) records[entry.key] = []; // a repeated key replaces, as in JSON.parse
        continue;
      }
      if (!isSection(entry.key)) continue; // the skeleton check reports the unknown key
      const at = `$.${entry.key}[${entry.index}]`;
      const parsed = SECTIONS[entry.key].safeParse(entry.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (shapeProblems.length < MAX_PROBLEMS) shapeProblems.push(shapeProblem(issue, at));
        }
        // A file this broken is not worth reading to the end.
        if (shapeProblems.length >= MAX_PROBLEMS) throw new CorpusError(file, shapeProblems);
        continue;
      }
      if (entry.key === "articles") checkArticleSpans(parsed.data as CorpusRecord["articles"][number], entry.index, reportSpan);
      records[entry.key]!.push(parsed.data);
    }
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    if (error instanceof JsonSyntaxError) {
      throw new CorpusError(file, [{ path: error.path, reason: `not valid JSON: ${error.message}` }]);
    }
    throw new CorpusError(file, [{ path: "$", reason: `cannot read the file: ${(error as Error).message}` }]);
  }

  const top = CorpusSchema.safeParse(skeleton);
  if (!top.success) {
    shapeProblems.unshift(...top.error.issues.map((issue) => shapeProblem(issue)));
  }
  if (shapeProblems.length > 0) throw new CorpusError(file, shapeProblems.slice(0, MAX_PROBLEMS));

  const corpus = { ...top.data!, ...records } as CorpusRecord;
  const problems = [...spanProblems, ...checkRules(corpus, { articleSpans: false })].slice(0, MAX_PROBLEMS);
  if (problems.length > 0) throw new CorpusError(file, problems);
  return corpus;
}

// Private: whether a top-level key is one of the corpus's arrays of records.
function isSection(key: string): key is Section {
  return Object.hasOwn(SECTIONS, key);
}
