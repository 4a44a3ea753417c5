// Importing a corpus into the PostgreSQL store: records arrive one by one (from a streamed file
// or a corpus in memory), are grouped into batches per section, and each batch is upserted in
// its own transaction while the next batch is read. Validation happens before records reach here.
import type pg from "pg";
import type { ArticleRecord, CorpusRecord } from "../../src/corpus/format.js";
import {
  ENTITY_KINDS,
  KIND_OF_SECTION,
  KINDS,
  recordsOf,
  type EntityKind,
  type EntityRecordOf,
  type SectionOf,
} from "../../src/corpus/kinds.js";
import { CorpusError } from "../../src/corpus/CorpusError.js";
import { fileVersion, sameVersion, type FileVersion } from "../../src/corpus/fileVersion.js";
import { CHUNK_BYTES, readCorpusEntries } from "../../src/corpus/records.js";
import { CORPUS_SECTIONS, checkCorpusFile, type CheckCorpusOptions, type CorpusCounts } from "../../src/corpus/streamCheck.js";
import { shapeProblem } from "../../src/corpus/validate.js";
import { CorpusWriter } from "./CorpusWriter.js";
import { migrate } from "../../src/store/postgres/migrate.js";

/** One record of a corpus, with its section and its index in that section. */
export type CorpusItem =
  | { [K in EntityKind]: { section: SectionOf<K>; index: number; record: EntityRecordOf[K] } }[EntityKind]
  | { section: "articles"; index: number; record: ArticleRecord };

/** The sections of a corpus file that hold records. */
export type CorpusSection = CorpusItem["section"];

/** What {@link importCorpus} did. */
export interface ImportSummary {
  /** Records read and committed, per section. */
  read: Record<CorpusSection, number>;
  /** Records that were new or different from the stored ones (0 when re-importing the same corpus). */
  changed: number;
  /** Transactions committed. */
  batches: number;
}

/** Options of {@link importCorpus}. */
export interface ImportOptions {
  /** Articles per transaction (entity records use the same size). @default 1000 */
  batchSize?: number;
  /** Called after each committed batch with the running totals; the import waits for a returned promise. */
  onBatch?: (summary: ImportSummary) => void | Promise<void>;
  /** Names the corpus in the `imports` log. @default "(in memory)" */
  corpusName?: string;
  /**
   * When the import began, for the `imports` log (its started_at to finished_at is what the
   * benchmark reports for a database it reuses). @default when importCorpus is called
   */
  startedAt?: Date;
}

/**
 * Applies pending migrations to the primary, then upserts every record of `items` in batches
 * (one transaction each) and logs the import. Returns what it read and changed. Importing the
 * same records again changes nothing; a failure keeps every batch committed before it and
 * writes none after it. Batches commit one at a time, in order; the next one is read while
 * the database writes the current one.
 */
export async function importCorpus(
  primary: pg.Pool,
  items: Iterable<CorpusItem> | AsyncIterable<CorpusItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const startedAt = options.startedAt ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  await migrate(primary);
  const writer = new CorpusWriter(primary);
  const summary: ImportSummary = {
    read: Object.fromEntries(Object.keys(CORPUS_SECTIONS).map((section) => [section, 0])) as Record<CorpusSection, number>,
    changed: 0,
    batches: 0,
  };
  let section: CorpusSection | null = null;
  let pending: CorpusItem[] = [];
  // The batch being written (and its onBatch). Reading the next batch overlaps it: the
  // importer's parsing and the server's writing use different cores instead of taking turns.
  let writing: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    // A failed batch rejects here, so nothing after it is written.
    await writing;
    writing = (async () => {
      summary.changed += await writeBatch(writer, batch[0]!.section, batch);
      summary.read[batch[0]!.section] += batch.length;
      summary.batches += 1;
      await options.onBatch?.(summary);
    })();
    // Handled at the next flush or at the end; until then, not an unhandled rejection.
    writing.catch(() => undefined);
  };
  try {
    for await (const item of items) {
      if (item.section !== section) {
        await flush();
        section = item.section;
      }
      pending.push(item);
      if (pending.length >= batchSize) await flush();
    }
  } catch (error) {
    // The records stopped (a changed file, a bad record): the batch already read in full
    // still commits or fails on its own, and the caller hears of the import's end after it.
    await writing.catch(() => undefined);
    throw error;
  }
  await flush();
  await writing;
  await writer.recordImport(options.corpusName ?? "(in memory)", summary.read.articles, startedAt);
  return summary;
}

/** A corpus file that {@link checkCorpusFileVersion} passed, and the version of it that passed. */
export interface CheckedCorpusFile {
  file: string;
  /** Records per section. */
  counts: CorpusCounts;
  version: FileVersion;
}

/**
 * Given a corpus file, checks it as checkCorpusFile does (throwing its CorpusError when it is
 * invalid) and resolves with the version of the file that passed. Also throws CorpusError when
 * the file changed while it was being checked, or gives a section twice (JSON.parse keeps the
 * last, which a one-pass import cannot follow). Nothing is written.
 */
export async function checkCorpusFileVersion(file: string, options: CheckCorpusOptions = {}): Promise<CheckedCorpusFile> {
  // Taken on both sides of the check: equal means the check read one version from end to end.
  // An unreadable file is reported by the check itself, in its words.
  const before = await fileVersion(file).catch(() => null);
  const seen = new Set<string>();
  const repeated: string[] = [];
  const counts = await checkCorpusFile(file, {
    ...options,
    onArray: (key) => {
      if (Object.hasOwn(CORPUS_SECTIONS, key) && seen.has(key)) repeated.push(key);
      seen.add(key);
      options.onArray?.(key);
    },
  });
  if (repeated.length > 0) {
    throw new CorpusError(
      file,
      repeated.map((key) => ({ path: `$.${key}`, reason: "the key appears more than once; db:import needs each section once" })),
    );
  }
  const version = await fileVersion(file);
  if (!before || !sameVersion(before, version))
    throw new CorpusError(file, [{ path: "$", reason: "the file changed while it was being checked" }]);
  return { file, counts, version };
}

/**
 * Given a file that {@link checkCorpusFileVersion} passed, yields its records one by one in file
 * order without validating them again: the check validated these very bytes, and the reader
 * throws FileChangedError as soon as the file is not the version that passed (so a file
 * changed since the check never writes a record; batches committed before the change stay).
 */
export async function* checkedCorpusFileItems(checked: CheckedCorpusFile): AsyncGenerator<CorpusItem> {
  for await (const entry of readCorpusEntries(checked.file, CHUNK_BYTES, checked.version)) {
    if (entry.kind !== "item" || !Object.hasOwn(CORPUS_SECTIONS, entry.key)) continue;
    yield { section: entry.key, index: entry.index, record: entry.value } as CorpusItem;
  }
}

/**
 * Given a corpus file, yields its records one by one in file order, each parsed by its
 * section's schema: without a check first, no record of the wrong shape is written (it throws
 * CorpusError instead), though references between records are not checked. After a check, use
 * {@link checkedCorpusFileItems}, which does not parse every record a second time.
 */
export async function* corpusFileItems(file: string): AsyncGenerator<CorpusItem> {
  for await (const entry of readCorpusEntries(file)) {
    if (entry.kind !== "item" || !Object.hasOwn(CORPUS_SECTIONS, entry.key)) continue;
    const section = entry.key as CorpusSection;
    const parsed = CORPUS_SECTIONS[section].safeParse(entry.value);
    if (!parsed.success) {
      throw new CorpusError(
        file,
        parsed.error.issues.slice(0, 20).map((issue) => shapeProblem(issue, `$.${section}[${entry.index}]`)),
      );
    }
    yield { section, index: entry.index, record: parsed.data } as CorpusItem;
  }
}

/** Given a whole corpus in memory, yields its records section by section (the kinds table's order), articles last. */
export function* corpusItems(corpus: CorpusRecord): Generator<CorpusItem> {
  for (const kind of ENTITY_KINDS) {
    const section = KINDS[kind].section;
    for (const [index, record] of recordsOf(corpus, kind).entries()) yield { section, index, record } as CorpusItem;
  }
  for (const [index, record] of corpus.articles.entries()) yield { section: "articles", index, record };
}

// Private: writes one batch of a single section; returns how many records were new or changed.
function writeBatch(writer: CorpusWriter, section: CorpusSection, batch: CorpusItem[]): Promise<number> {
  if (section === "articles") return writer.writeArticles(batch.map((item) => item.record as ArticleRecord));
  const kind = KIND_OF_SECTION.get(section)!;
  return writer.writeEntities(
    kind,
    batch.map((item) => ({ ord: item.index, record: item.record as never })),
  );
}
