// Dates as page and item metadata write them ("2025-08-06T14:30:00+09:00", "2025-08-06",
// "2025-08-06T05:30:00.000Z", "20250806T143000+0900"), as the corpus stores them: ISO 8601 with
// an offset. The writer's own offset is kept, so "on Friday" resolves against the local date.
import { z } from "zod";

const DATE_TIME = z.iso.datetime({ offset: true });

/** Given a metadata date or date-time, returns it as an ISO date-time with offset, or null when it is not a date. */
export function metadataTime(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return validDay(text) ? `${text}T00:00:00Z` : null;
  if (DATE_TIME.safeParse(text).success) return text;
  // Offsets without a colon (+0900), a space for the T, no seconds, basic format (20250806T143000Z).
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (m !== null && validDay(`${m[1]}-${m[2]}-${m[3]}`)) {
    const offset = m[8] === undefined || m[8].toUpperCase() === "Z" ? "Z" : `${m[8].slice(0, 3)}:${m[8].slice(-2)}`;
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${m[7] ?? ""}${offset}`;
  }
  // Anything else Date understands ("Wed, 06 Aug 2025 05:30:00 GMT") is kept as the instant, in UTC.
  const time = Date.parse(text);
  return Number.isNaN(time) || !/\d{4}/.test(text) ? null : new Date(time).toISOString();
}

function validDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}
