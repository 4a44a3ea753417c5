// Corpus validation: shape (format.ts) first, then the rules a schema cannot state —
// unique ids, every reference resolving, every span equal to its body slice.
// A corpus that breaks any rule is rejected whole, so the server never serves half of one.
import type { z } from "zod";
import { CorpusSchema, type ArticleRecord, type CorpusRecord } from "./format.js";
import { CorpusError, type CorpusProblem } from "./CorpusError.js";
import { ENTITY_KINDS, KINDS, kindSpec, recordsOf, type EntityKind, type EntitySection } from "./kinds.js";

/** Stop collecting after this many problems: a broken generator can produce millions. */
export const MAX_PROBLEMS = 20;

/** Hears of one broken rule at a JSON path. */
export type ReportProblem = (path: string, reason: string) => void;

/**
 * Given parsed JSON and the file it came from, returns the corpus typed and checked,
 * or throws a {@link CorpusError} naming the file, each JSON path and what is wrong there.
 */
export function validateCorpus(input: unknown, file: string): CorpusRecord {
  const parsed = CorpusSchema.safeParse(input);
  if (!parsed.success) {
    throw new CorpusError(
      file,
      parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => shapeProblem(issue)),
    );
  }
  const problems = checkRules(parsed.data);
  if (problems.length > 0) throw new CorpusError(file, problems);
  return parsed.data;
}

/** What {@link checkRules} may leave out because the caller already checked it. */
export interface CheckRulesOptions {
  /**
   * Check each mention's span against its article's body. The streaming loader checks spans
   * record by record with {@link checkArticleSpans} while the body is at hand, and skips them here.
   * @default true
   */
  articleSpans?: boolean;
}

/**
 * Given a corpus that already has the right shape, returns every broken cross-record rule
 * (at most {@link MAX_PROBLEMS}). Exported for stores that validate record by record.
 */
export function checkRules(corpus: CorpusRecord, options: CheckRulesOptions = {}): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const report: ReportProblem = (path, reason) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, reason });
  };

  uniqueKeys(corpus.articles, (a) => a.id, "$.articles", "id", report);
  const knownIds = entityKeys(corpus, report);
  // Evidence resolves to the first article with an id, the one uniqueKeys accepts; a later
  // duplicate must not make correct evidence spans fail against its body.
  const bodies = new Map<string, string>();
  const published = new Map<string, string | null>();
  for (const a of corpus.articles) {
    if (bodies.has(a.id)) continue;
    bodies.set(a.id, a.body);
    published.set(a.id, a.publishedAt ?? null);
  }

  const articleSpans = options.articleSpans ?? true;
  corpus.articles.forEach((article, i) => {
    article.mentions.forEach((m, j) => {
      if (!knownIds[m.entityType].has(m.entityId)) {
        report(`$.articles[${i}].mentions[${j}].entityId`, `${m.entityType.toLowerCase()} "${m.entityId}" does not exist`);
      }
    });
    if (articleSpans) checkArticleSpans(article, i, report);
  });
  // Each kind's references to other records, its evidence spans, then its own rules, record by record.
  for (const kind of ENTITY_KINDS) {
    const spec = kindSpec(kind);
    recordsOf(corpus, kind).forEach((record, i) => {
      const path = `$.${spec.section}[${i}]`;
      for (const ref of spec.references(record)) {
        if (!knownIds[ref.kind].has(ref.key)) {
          report(`${path}.${ref.field}`, `${ref.kind.toLowerCase()} "${ref.key}" is not in $.${KINDS[ref.kind].section}`);
        }
      }
      for (const { field, evidence: e } of spec.evidence(record)) {
        const body = bodies.get(e.articleId);
        if (body === undefined) report(`${path}.${field}.articleId`, `article "${e.articleId}" is not in $.articles`);
        else checkSpan(body, e.start, e.end, e.quote, `${path}.${field}`, "quote", report);
      }
      for (const problem of spec.ownRules(record, { published: (id) => published.get(id), path }))
        report(`${path}.${problem.field}`, problem.reason);
    });
  }
  return problems;
}

/**
 * Given one article (already of the right shape) and its index in `$.articles`, reports every
 * mention whose span is not its text's exact place in the body. Needs nothing but the article,
 * so a streaming loader can check it while the record is at hand.
 */
export function checkArticleSpans(article: ArticleRecord, index: number, report: ReportProblem): void {
  article.mentions.forEach((m, j) =>
    checkSpan(article.body, m.start, m.end, m.text, `$.articles[${index}].mentions[${j}]`, "text", report),
  );
  article.unresolved?.forEach((u, j) =>
    checkSpan(article.body, u.start, u.end, u.text, `$.articles[${index}].unresolved[${j}]`, "text", report),
  );
}

// Private: checks that body.slice(start, end) is exactly `text`, reporting at `path`.
function checkSpan(body: string, start: number, end: number, text: string, path: string, field: string, report: ReportProblem) {
  if (end <= start) return report(`${path}.end`, `end (${end}) must be greater than start (${start})`);
  if (end > body.length) return report(`${path}.end`, `end (${end}) is past the end of the body (length ${body.length})`);
  const slice = body.slice(start, end);
  if (slice !== text)
    report(`${path}.${field}`, `${JSON.stringify(text)} does not equal body.slice(${start}, ${end}) = ${JSON.stringify(slice)}`);
}

/**
 * Given a corpus, returns the keys of each kind's records (from the kinds table), reporting
 * every duplicate key at its own path, section by section in the kinds table's order.
 */
export function entityKeys(corpus: Pick<CorpusRecord, EntitySection>, report: ReportProblem): Record<EntityKind, Set<string>> {
  const keys = {} as Record<EntityKind, Set<string>>;
  for (const kind of ENTITY_KINDS) {
    const spec = kindSpec(kind);
    const records = recordsOf(corpus, kind);
    keys[kind] = uniqueKeys(records, (r) => spec.key(r), `$.${spec.section}`, spec.idField, report);
  }
  return keys;
}

// Private: collects keys, reporting each duplicate at its own path.
function uniqueKeys<T>(
  items: readonly T[],
  key: (item: T) => string,
  path: string,
  field: string,
  report: (path: string, reason: string) => void,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) report(`${path}[${i}].${field}`, `duplicate ${field} "${k}" (first used at ${path}[${first}])`);
    else seen.set(k, i);
  });
  return new Set(seen.keys());
}

/**
 * Given a zod issue and the JSON path of the value that was parsed (`$` for the whole corpus,
 * `$.articles[3]` for one record), returns the problem at the issue's full JSON path, such as
 * `$.articles[3].body`.
 */
export function shapeProblem(issue: z.core.$ZodIssue, at = "$"): CorpusProblem {
  const path = issue.path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`), at);
  return { path, reason: issue.message };
}
