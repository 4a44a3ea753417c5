// Importing a corpus into the PostgreSQL store: records arrive one by one (from a streamed file
// or a corpus in memory), are grouped into batches per section, and each batch is upserted in
// its own transaction. Validation happens before records reach here.
import type pg from "pg";
import type { AgreementRecord, ArticleRecord, CorpusRecord, CountryRecord, PersonRecord, TariffRecord } from "../../corpus/format.js";
import { CorpusError } from "../../corpus/CorpusError.js";
import { readCorpusEntries } from "../../corpus/records.js";
import { CORPUS_SECTIONS } from "../../corpus/streamCheck.js";
import { shapeProblem } from "../../corpus/validate.js";
import { CorpusWriter } from "./CorpusWriter.js";
import { migrate } from "./migrate.js";

/** One record of a corpus, with its section and its index in that section. */
export type CorpusItem =
  | { section: "countries"; index: number; record: CountryRecord }
  | { section: "people"; index: number; record: PersonRecord }
  | { section: "agreements"; index: number; record: AgreementRecord }
  | { section: "tariffs"; index: number; record: TariffRecord }
  | { section: "articles"; index: number; record: ArticleRecord };

/** The sections of a corpus file that hold records. */
export type CorpusSection = CorpusItem["section"];

/** What {@link importCorpus} did. */
export interface ImportSummary {
  /** Records read, per section. */
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
}

/**
 * Applies pending migrations to the primary, then upserts every record of `items` in batches
 * (one transaction each) and logs the import. Returns what it read and changed. Importing the
 * same records again changes nothing; a failure keeps every batch committed before it.
 */
export async function importCorpus(
  primary: pg.Pool,
  items: Iterable<CorpusItem> | AsyncIterable<CorpusItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const startedAt = new Date();
  const batchSize = options.batchSize ?? 1000;
  await migrate(primary);
  const writer = new CorpusWriter(primary);
  const summary: ImportSummary = {
    read: { countries: 0, people: 0, agreements: 0, tariffs: 0, articles: 0 },
    changed: 0,
    batches: 0,
  };
  let section: CorpusSection | null = null;
  let pending: CorpusItem[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    summary.changed += await writeBatch(writer, batch[0]!.section, batch);
    summary.batches += 1;
    await options.onBatch?.(summary);
  };
  for await (const item of items) {
    if (item.section !== section) {
      await flush();
      section = item.section;
    }
    pending.push(item);
    summary.read[item.section] += 1;
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  await writer.recordImport(options.corpusName ?? "(in memory)", summary.read.articles, startedAt);
  return summary;
}

/**
 * Given a corpus file (already passed by checkCorpusFile), yields its records one by one in file
 * order, each parsed by its section's schema again: a file changed since the check still never
 * writes a record of the wrong shape (it throws CorpusError instead).
 */
export async function* corpusFileItems(file: string): AsyncGenerator<CorpusItem> {
  for await (const entry of readCorpusEntries(file)) {
    if (entry.kind !== "item" || !Object.hasOwn(CORPUS_SECTIONS, entry.key)) continue;
    const section = entry.key as CorpusSection;
    const parsed = CORPUS_SECTIONS[section].safeParse(entry.value);
    if (!parsed.success) {
      throw new CorpusError(file, parsed.error.issues.slice(0, 20).map((issue) => shapeProblem(issue, `$.${section}[${entry.index}]`)));
    }
    yield { section, index: entry.index, record: parsed.data } as CorpusItem;
  }
}

/** Given a whole corpus in memory, yields its records in the order a corpus file lists them. */
export function* corpusItems(corpus: CorpusRecord): Generator<CorpusItem> {
  for (const [index, record] of corpus.countries.entries()) yield { section: "countries", index, record };
  for (const [index, record] of corpus.people.entries()) yield { section: "people", index, record };
  for (const [index, record] of corpus.agreements.entries()) yield { section: "agreements", index, record };
  for (const [index, record] of corpus.tariffs.entries()) yield { section: "tariffs", index, record };
  for (const [index, record] of corpus.articles.entries()) yield { section: "articles", index, record };
}

// Private: writes one batch of a single section; returns how many records were new or changed.
function writeBatch(writer: CorpusWriter, section: CorpusSection, batch: CorpusItem[]): Promise<number> {
  const positioned = <T>() => batch.map((item) => ({ ord: item.index, record: item.record as T }));
  switch (section) {
    case "countries":
      return writer.writeCountries(positioned<CountryRecord>());
    case "people":
      return writer.writePeople(positioned<PersonRecord>());
    case "agreements":
      return writer.writeAgreements(positioned<AgreementRecord>());
    case "tariffs":
      return writer.writeTariffs(positioned<TariffRecord>());
    case "articles":
      return writer.writeArticles(batch.map((item) => item.record as ArticleRecord));
  }
}
