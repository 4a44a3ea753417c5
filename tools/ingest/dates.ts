// Dates as news copy writes them ("in July", "on Friday", "on Oct. 23", "last year"), resolved
// against the article's publication date into the corpus's partial ISO dates.
import type { Token } from "./textAnalysis.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBREVIATIONS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** A date expression read from tokens: the partial ISO date it names and the token after it. */
export interface DateReading {
  /** "2025-07", "2020-10-23", "2019"; null when it needs a publication date that is unknown. */
  date: string | null;
  /** Index of the first token after the expression. */
  next: number;
}

/**
 * Given tokens and the index of a preposition ("in", "on"), "last", a bare weekday or a count
 * of days ("yesterday", "a day earlier", "two days ago"), returns the date the expression
 * starting there names, resolved against `published` (YYYY-MM-DD…): a month or weekday without
 * a year is the latest one on or before publication. Returns null when no date expression
 * starts there.
 */
export function readDate(tokens: Token[], at: number, published: string | null): DateReading | null {
  const lead = tokens[at]?.lower;
  if (lead === "last") return readLast(tokens, at + 1, published);
  // Days counted from publication: "yesterday", "today", "a day earlier", "two days ago".
  if (lead === "yesterday" || lead === "today") return daysBefore(lead === "today" ? 0 : 1, at + 1, parsePublished(published));
  const count = lead === undefined ? -1 : ["a", "one", "two", "three", "four", "five", "six"].indexOf(lead);
  if (count >= 0 && /^days?$/.test(tokens[at + 1]?.lower ?? "") && /^(?:earlier|before|ago)$/.test(tokens[at + 2]?.lower ?? ""))
    return daysBefore(Math.max(1, count), at + 3, parsePublished(published));
  // A bare weekday, as wire copy writes it: "was reached Tuesday".
  if (lead !== undefined && WEEKDAYS.includes(lead)) return weekdayBefore(WEEKDAYS.indexOf(lead), at + 1, parsePublished(published));
  // "starting Nov. 1", "effective Aug. 7", "beginning in August" read as "from".
  if (lead === "starting" || lead === "beginning" || lead === "effective") {
    const inner = tokens[at + 1]?.lower;
    return inner === "on" || inner === "in" || inner === "from"
      ? readDate(tokens, at + 1, published)
      : readAfterFrom(tokens, at, published);
  }
  if (lead !== "in" && lead !== "on" && lead !== "since" && lead !== "from") return null;
  const first = tokens[at + 1];
  if (first === undefined) return null;
  const pub = parsePublished(published);

  if (/^\d{4}$/.test(first.text)) return { date: first.text, next: at + 2 };

  const month = monthOf(first.lower);
  if (month !== null) {
    let i = at + 2;
    let day: number | null = null;
    let year: number | null = null;
    if (/^\d{1,2}$/.test(tokens[i]?.text ?? "") && tokens[i].sentence === first.sentence) day = Number(tokens[i++].text);
    if (/^\d{4}$/.test(tokens[i]?.text ?? "") && tokens[i].sentence === first.sentence) year = Number(tokens[i++].text);
    if (year === null) {
      if (pub === null) return { date: null, next: i };
      year = pub.year;
      if (month > pub.month || (month === pub.month && day !== null && day > pub.day)) year--;
    }
    return { date: day === null ? isoMonth(year, month) : isoDay(year, month, day), next: i };
  }

  const weekday = WEEKDAYS.indexOf(first.lower);
  if (weekday >= 0) return weekdayBefore(weekday, at + 2, pub);
  return null;
}

// Private: a date right after a word that works as "from" ("starting Nov. 1").
function readAfterFrom(tokens: Token[], at: number, published: string | null): DateReading | null {
  const first = tokens[at + 1];
  if (first === undefined) return null;
  const month = monthOf(first.lower);
  const weekday = WEEKDAYS.indexOf(first.lower);
  if (month === null && weekday < 0 && !/^\d{4}$/.test(first.text)) return null;
  // Read it as "on …" from the token before, whatever that token is.
  const shifted = [...tokens.slice(0, at), { ...tokens[at], lower: "on" }, ...tokens.slice(at + 1)];
  return readDate(shifted, at, published);
}

// Private: the day a number of days before publication.
function daysBefore(days: number, next: number, pub: { year: number; month: number; day: number } | null): DateReading {
  if (pub === null) return { date: null, next };
  const date = new Date(Date.UTC(pub.year, pub.month - 1, pub.day - days));
  return { date: date.toISOString().slice(0, 10), next };
}

// Private: the latest given weekday on or before publication.
function weekdayBefore(weekday: number, next: number, pub: { year: number; month: number; day: number } | null): DateReading {
  if (pub === null) return { date: null, next };
  const date = new Date(Date.UTC(pub.year, pub.month - 1, pub.day));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() - weekday + 7) % 7));
  return { date: date.toISOString().slice(0, 10), next };
}

/** Given a token's lower-cased text, returns whether it names a month or weekday. */
export function isCalendarWord(lower: string): boolean {
  return monthOf(lower) !== null || WEEKDAYS.includes(lower);
}

// Private: "last year", "last month", "last July".
function readLast(tokens: Token[], at: number, published: string | null): DateReading | null {
  const word = tokens[at]?.lower;
  const pub = parsePublished(published);
  if (word === "year") return { date: pub === null ? null : String(pub.year - 1), next: at + 1 };
  if (word === "month") {
    if (pub === null) return { date: null, next: at + 1 };
    return { date: pub.month === 1 ? isoMonth(pub.year - 1, 12) : isoMonth(pub.year, pub.month - 1), next: at + 1 };
  }
  const month = word === undefined ? null : monthOf(word);
  if (month === null) return null;
  if (pub === null) return { date: null, next: at + 1 };
  return { date: isoMonth(month >= pub.month ? pub.year - 1 : pub.year, month), next: at + 1 };
}

function monthOf(lower: string): number | null {
  const full = MONTHS.indexOf(lower);
  if (full >= 0) return full + 1;
  const short = MONTH_ABBREVIATIONS.indexOf(lower.replace(/\.$/, ""));
  if (short < 0) return null;
  return MONTHS.findIndex((m) => m.startsWith(MONTH_ABBREVIATIONS[short].slice(0, 3))) + 1;
}

function parsePublished(published: string | null): { year: number; month: number; day: number } | null {
  const m = published?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

function isoDay(year: number, month: number, day: number): string {
  return `${isoMonth(year, month)}-${String(day).padStart(2, "0")}`;
}
