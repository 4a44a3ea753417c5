// Publication times: the --published option checked and written the way the corpus stores it
// (ISO 8601 with offset), and each article's own date settled from what it and the run know.
import { z } from "zod";
import { IngestError } from "./IngestError.js";

/**
 * Given a publication date (YYYY-MM-DD) or date-time with offset, returns it as the corpus's
 * `publishedAt` ("2025-10-28" → "2025-10-28T00:00:00Z"); null stays null. Throws an
 * {@link IngestError} naming `--published` for anything else.
 */
export function publicationTime(published: string | null): string | null {
  if (published === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    const iso = `${published}T00:00:00Z`;
    const time = Date.parse(iso);
    if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== published)
      throw new IngestError("--published", `"${published}" is not a calendar date`);
    return iso;
  }
  if (!z.iso.datetime({ offset: true }).safeParse(published).success) {
    throw new IngestError(
      "--published",
      `"${published}" is not a date (YYYY-MM-DD) or a date-time with offset (2025-10-28T12:00:00+09:00)`,
    );
  }
  return published;
}

/**
 * Given what an article says of its date and what the run knows, returns its publication time:
 * the input's own full date (page or item metadata, a dated header line); else a dateline's
 * "Aug 6" in its own year, the year of `published` (the one nearest it) or of the file's
 * modification time (the latest not after it); else `published` itself; else null.
 */
export function publicationOf(
  article: { published: string | null; datelineDate: { month: number; day: number } | null; datelineYear: number | null },
  run: { published: string | null; fileTime: Date | null },
): string | null {
  if (article.published !== null) return article.published;
  const given = publicationTime(run.published);
  const { datelineDate: date } = article;
  if (date === null) return given;
  const day = (year: number) => `${year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
  let year = article.datelineYear;
  if (year === null && given !== null) {
    const near = Date.parse(given.slice(0, 10));
    const years = [-1, 0, 1].map((d) => Number(given.slice(0, 4)) + d);
    year = years.reduce((best, y) => (Math.abs(Date.parse(day(y)) - near) < Math.abs(Date.parse(day(best)) - near) ? y : best));
  }
  if (year === null && run.fileTime !== null) {
    const saved = run.fileTime.toISOString().slice(0, 10);
    year = run.fileTime.getUTCFullYear();
    if (day(year) > saved) year--;
  }
  if (year === null) return given;
  const iso = day(year);
  if (Number.isNaN(Date.parse(iso)) || new Date(Date.parse(iso)).toISOString().slice(0, 10) !== iso) return given;
  // --published with the dateline's day keeps its time and offset.
  return given?.startsWith(iso) ? given : `${iso}T00:00:00Z`;
}
