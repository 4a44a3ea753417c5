// Calendar arithmetic for timelines, on UTC day numbers (days since 1970-01-01): the first day of
// a day, week (Monday) or month, stepping by intervals, and converting to and from `YYYY-MM-DD`.
import type { TimelineInterval } from "./Store.js";

const DAY_MS = 86_400_000;

/** Given an ISO 8601 instant or date, returns its UTC day number. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY_MS);
}

/** Given a UTC day number, returns the date as `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Given a day and an interval, returns the first day of the interval holding it. */
export function intervalStart(day: number, interval: TimelineInterval): number {
  if (interval === "DAY") return day;
  if (interval === "WEEK") return day - ((((day + 3) % 7) + 7) % 7); // day 0, 1970-01-01, was a Thursday
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

/** Given the first day of an interval, returns the first day of the interval `count` later (or earlier, when negative). */
export function addIntervals(start: number, count: number, interval: TimelineInterval): number {
  if (interval === "DAY") return start + count;
  if (interval === "WEEK") return start + 7 * count;
  const date = new Date(start * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1) / DAY_MS;
}

/** Given a range of days (inclusive) and an interval, returns how many intervals it touches. */
export function intervalCount(from: number, to: number, interval: TimelineInterval): number {
  if (to < from) return 0;
  const first = intervalStart(from, interval);
  const last = intervalStart(to, interval);
  if (interval === "DAY") return last - first + 1;
  if (interval === "WEEK") return (last - first) / 7 + 1;
  const a = new Date(first * DAY_MS);
  const b = new Date(last * DAY_MS);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}
