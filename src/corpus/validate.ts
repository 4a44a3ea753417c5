// Corpus validation: shape (format.ts) first, then the rules a schema cannot state —
// unique ids, every reference resolving, every span equal to its body slice.
// A corpus that breaks any rule is rejected whole, so the server never serves half of one.
import type { z } from "zod";
import { CorpusSchema, type ArticleRecord, type CorpusRecord, type EvidenceRecord } from "./format.js";
import { CorpusError, type CorpusProblem } from "./CorpusError.js";
import { currentRates, tariffHistory } from "./tariffHistory.js";

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
    throw new CorpusError(file, parsed.error.issues.slice(0, MAX_PROBLEMS).map((issue) => shapeProblem(issue)));
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
  const people = uniqueKeys(corpus.people, (p) => p.id, "$.people", "id", report);
  const countries = uniqueKeys(corpus.countries, (c) => c.code, "$.countries", "code", report);
  const agreements = uniqueKeys(corpus.agreements, (a) => a.id, "$.agreements", "id", report);
  const tariffs = uniqueKeys(corpus.tariffs, (t) => t.id, "$.tariffs", "id", report);
  // Evidence resolves to the first article with an id, the one uniqueKeys accepts; a later
  // duplicate must not make correct evidence spans fail against its body.
  const bodies = new Map<string, string>();
  const published = new Map<string, string | null>();
  for (const a of corpus.articles) {
    if (bodies.has(a.id)) continue;
    bodies.set(a.id, a.body);
    published.set(a.id, a.publishedAt ?? null);
  }

  const knownIds = { PERSON: people, COUNTRY: countries, AGREEMENT: agreements, TARIFF: tariffs } as const;
  const needCountry = (code: string | null | undefined, path: string) => {
    if (code != null && !countries.has(code)) report(path, `country "${code}" is not in $.countries`);
  };
  const checkOneEvidence = (e: EvidenceRecord, path: string) => {
    const body = bodies.get(e.articleId);
    if (body === undefined) return report(`${path}.articleId`, `article "${e.articleId}" is not in $.articles`);
    checkSpan(body, e.start, e.end, e.quote, path, "quote", report);
  };
  const checkEvidence = (evidence: EvidenceRecord[], path: string) => evidence.forEach((e, i) => checkOneEvidence(e, `${path}[${i}]`));

  const articleSpans = options.articleSpans ?? true;
  corpus.articles.forEach((article, i) => {
    article.mentions.forEach((m, j) => {
      if (!knownIds[m.entityType].has(m.entityId)) {
        report(`$.articles[${i}].mentions[${j}].entityId`, `${m.entityType.toLowerCase()} "${m.entityId}" does not exist`);
      }
    });
    if (articleSpans) checkArticleSpans(article, i, report);
  });
  corpus.people.forEach((p, i) => {
    needCountry(p.nationality, `$.people[${i}].nationality`);
    p.roles.forEach((r, j) => {
      needCountry(r.country, `$.people[${i}].roles[${j}].country`);
      checkEvidence(r.evidence ?? [], `$.people[${i}].roles[${j}].evidence`);
    });
  });
  corpus.agreements.forEach((a, i) => {
    a.parties.forEach((code, j) => needCountry(code, `$.agreements[${i}].parties[${j}]`));
    a.commitments.forEach((c, j) => needCountry(c.party, `$.agreements[${i}].commitments[${j}].party`));
    checkEvidence(a.evidence, `$.agreements[${i}].evidence`);
    a.history?.forEach((h, j) => checkOneEvidence(h.evidence, `$.agreements[${i}].history[${j}].evidence`));
  });
  corpus.tariffs.forEach((t, i) => {
    needCountry(t.imposedBy, `$.tariffs[${i}].imposedBy`);
    needCountry(t.appliesTo, `$.tariffs[${i}].appliesTo`);
    if (t.agreementId != null && !agreements.has(t.agreementId)) {
      report(`$.tariffs[${i}].agreementId`, `agreement "${t.agreementId}" is not in $.agreements`);
    }
    checkEvidence(t.evidence, `$.tariffs[${i}].evidence`);
    if (t.history === undefined || t.history.length === 0) return;
    let resolved = true;
    t.history.forEach((h, j) => {
      if (!bodies.has(h.evidence.articleId)) resolved = false;
      checkOneEvidence(h.evidence, `$.tariffs[${i}].history[${j}].evidence`);
    });
    // The rate fields are the history's summary; a record that says otherwise would serve two answers.
    if (!resolved) return;
    const rates = currentRates(tariffHistory(t, (id) => published.get(id) ?? null));
    const stated = { ratePercent: t.ratePercent ?? null, previousRatePercent: t.previousRatePercent ?? null };
    for (const field of ["ratePercent", "previousRatePercent"] as const) {
      if (stated[field] !== rates[field]) {
        report(`$.tariffs[${i}].${field}`, `${stated[field]} is not what $.tariffs[${i}].history gives (${rates[field]}): the latest rate in effect and the one before it`);
      }
    }
  });
  return problems;
}

/**
 * Given one article (already of the right shape) and its index in `$.articles`, reports every
 * mention whose span is not its text's exact place in the body. Needs nothing but the article,
 * so a streaming loader can check it while the record is at hand.
 */
export function checkArticleSpans(article: ArticleRecord, index: number, report: ReportProblem): void {
  article.mentions.forEach((m, j) => checkSpan(article.body, m.start, m.end, m.text, `$.articles[${index}].mentions[${j}]`, "text", report));
  article.unresolved?.forEach((u, j) => checkSpan(article.body, u.start, u.end, u.text, `$.articles[${index}].unresolved[${j}]`, "text", report));
}

// Private: checks that body.slice(start, end) is exactly `text`, reporting at `path`.
function checkSpan(body: string, start: number, end: number, text: string, path: string, field: string, report: ReportProblem) {
  if (end <= start) return report(`${path}.end`, `end (${end}) must be greater than start (${start})`);
  if (end > body.length) return report(`${path}.end`, `end (${end}) is past the end of the body (length ${body.length})`);
  const slice = body.slice(start, end);
  if (slice !== text) report(`${path}.${field}`, `${JSON.stringify(text)} does not equal body.slice(${start}, ${end}) = ${JSON.stringify(slice)}`);
}

// Private: collects keys, reporting each duplicate at its own path.
function uniqueKeys<T>(
  items: T[],
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
  const path = issue.path.reduce<string>(
    (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`),
    at,
  );
  return { path, reason: issue.message };
}
