// The order of dated observations (a tariff's rate steps, an agreement's status steps): by the
// date a step takes effect, else its article's publication date, then by publication. One
// function, so both stores and the validator put every history in the same order.
import type { EvidenceRecord } from "./format.js";

/** What ordering needs of an observation: its date, its evidence and its article's publication time. */
export interface Dated {
  effective: string | null;
  evidence: EvidenceRecord;
  /** `publishedAt` of the evidence's article (ISO 8601 with offset), or null when unknown. */
  published: string | null;
}

/**
 * Given an observation, returns the date it speaks for: its `effective` date when stated, else
 * the calendar date its article was published (in the article's own offset), else null.
 * Possibly partial (`2025`, `2025-09`).
 */
export function observedDate(o: Dated): string | null {
  return o.effective ?? o.published?.slice(0, 10) ?? null;
}

/**
 * Given a possibly partial ISO 8601 date, returns the first day it covers as `YYYY-MM-DD`
 * (`2025` → `2025-01-01`, `2025-09` → `2025-09-01`): a step dated only by month counts from
 * the month's first day.
 */
export function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * Given observations with their articles' publication times, returns them oldest first: by the
 * first day of {@link observedDate}, then by publication time, then by article and position in it;
 * steps of the same sentence keep their order in the record (the sort is stable), so the order is
 * the same everywhere. Undated observations of undated articles come first.
 */
export function orderObservations<T extends Dated>(observations: readonly T[]): T[] {
  return observations
    .map((o) => ({ o, day: dayKey(o), time: o.published === null ? Number.NEGATIVE_INFINITY : Date.parse(o.published) }))
    .sort(
      (a, b) =>
        compare(a.day, b.day) ||
        a.time - b.time ||
        compare(a.o.evidence.articleId, b.o.evidence.articleId) ||
        a.o.evidence.start - b.o.evidence.start ||
        a.o.evidence.end - b.o.evidence.end,
    )
    .map((x) => x.o);
}

/**
 * Given two observation dates, tells whether they can name the same time: equal, or one the
 * partial form of the other (`2025-09` and `2025-09-16`). Null (no date at all) overlaps nothing.
 */
export function sameTime(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

// Private: the sort key of an observation's date; "" (before every date) when it has none.
function dayKey(o: Dated): string {
  const date = observedDate(o);
  return date === null ? "" : firstDay(date);
}

// Private: plain code-unit order, the same in every locale (ids and dates are ASCII).
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
