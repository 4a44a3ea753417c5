// What a reader returns for one article, whatever the input was: the text extraction needs and
// what the input says about itself (headline, date, source, byline, dateline).
import type { ArticleText } from "../articleText.js";
import type { MonthDay } from "./dateline.js";

/** The input formats the readers understand. */
export type ArticleFormat = "text" | "html" | "ninjs";

/** One article read from an input file, before extraction. */
export interface ArticleSource extends ArticleText {
  /** Where it came from: the file, or "file:LINE" for one item of a JSON Lines file. */
  origin: string;
  format: ArticleFormat;
  /** The source the input names (dateline agency, copyright line, publisher), or null. */
  source: string | null;
  /**
   * Publication date-time (ISO 8601 with offset) the input states in full: page or item
   * metadata, or a dated header line. Null when it states none or only a dateline's month and day.
   */
  published: string | null;
  /** The dateline's own date ("Aug 6"), which needs a year from elsewhere. */
  datelineDate: MonthDay | null;
  /** The year a dateline writes out ("Aug. 6, 2025"), rare. */
  datelineYear: number | null;
  /** "By Jane Doe", the page's author, or the item's `by`/`byline`, when given. */
  byline: string | null;
}
