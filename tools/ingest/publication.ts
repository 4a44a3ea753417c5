// The --published option: a publication date or date-time, checked and written the way the
// corpus stores it (ISO 8601 with offset). Kept apart so the command checks it before loading NLP.
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
    if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== published) throw new IngestError("--published", `"${published}" is not a calendar date`);
    return iso;
  }
  if (!z.iso.datetime({ offset: true }).safeParse(published).success) {
    throw new IngestError("--published", `"${published}" is not a date (YYYY-MM-DD) or a date-time with offset (2025-10-28T12:00:00+09:00)`);
  }
  return published;
}
