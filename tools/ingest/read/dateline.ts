// The dateline that opens wire copy, in the styles the agencies write it: "TOKYO - ",
// "LONDON (AP) — ", "TOKYO, Aug 6 (Reuters) - ", "SAO PAULO/BRASILIA (Reuters) -- ",
// "WASHINGTON/HANOI: ", "GYEONGJU, South Korea — ", "Paris (AFP) - ". Read off the first
// paragraph, it gives the place, the dateline's own date and the agency that filed the story.

/** A month and day as a dateline writes them ("Aug 6"), without a year. */
export interface MonthDay {
  month: number;
  day: number;
}

/** What a dateline opening says. */
export interface Dateline {
  /** The place as written: "TOKYO", "SAO PAULO/BRASILIA", "GYEONGJU, South Korea". */
  place: string;
  /** The dateline's own date ("Aug 6"), when it gives one. */
  date: MonthDay | null;
  /** The year, in the rare datelines that write one ("Aug. 6, 2025"). */
  year: number | null;
  /** The agency in parentheses: "AP", "Reuters", "AFP". */
  agency: string | null;
  /** Length of the opening (place, date, agency and dash) in the paragraph it opens. */
  length: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
/** A place in capitals: "TOKYO", "NEW YORK", "WASHINGTON, D.C." is place plus region. */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*(?: \p{Lu}[\p{Lu}\p{M}'’.\-]*){0,4}`;
/** A place in title case, accepted only before an agency or a date: "Paris (AFP) - ". */
const TITLE_PLACE = String.raw`\p{Lu}[\p{Ll}\p{M}'’.\-]+(?: \p{Lu}[\p{Ll}\p{M}'’.\-]+){0,2}`;
/** "South Korea", "D.C.", "Calif.": the region or country after the place. */
const REGION = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*(?: (?:\p{Lu}[\p{L}\p{M}'’.\-]*|of|and|de|del|da)){0,4}`;
const DATE = String.raw`(?<month>${MONTH})\.? (?<day>\d{1,2})(?:, (?<year>\d{4}))?`;
const AGENCY = String.raw`\((?<agency>[\p{L}][\p{L}\p{N} .&'’\-]{0,38}[\p{L}.])\)`;
/** A dash between spaces, an unspaced em or en dash, or "--". */
const DASH = String.raw`(?: [-–—]{1,2} ?| ?[–—]{1,2} ?| ?-- ?)`;

const CAPS_DATELINE = new RegExp(
  String.raw`^(?<place>${CAPS_PLACE}(?: ?/ ?${CAPS_PLACE})*)(?:, (?:${DATE}|(?<region>${REGION})))?(?:,? ${AGENCY})?(?<sep>${DASH}|: )`,
  "u",
);
const TITLE_DATELINE = new RegExp(
  String.raw`^(?<place>${TITLE_PLACE}(?: ?/ ?${TITLE_PLACE})*)(?:, (?:${DATE}|(?<region>${REGION})))?(?:,? ${AGENCY})(?<sep>${DASH})`,
  "u",
);
const TITLE_DATED = new RegExp(String.raw`^(?<place>${TITLE_PLACE}), ${DATE}(?:,? ${AGENCY})?(?<sep>${DASH})`, "u");

/** Words that open copy in capitals without being a place ("BREAKING: …", "UPDATE 2 - …"). */
const NOT_PLACES =
  /^(?:BREAKING|UPDATE|UPDATED|EXCLUSIVE|ANALYSIS|EXPLAINER|FACTBOX|FACT ?CHECK|WATCH|LIVE|OPINION|EDITORIAL|COMMENTARY|CORRECTION|CORRECTED|REFILE|NEWS|PHOTO|VIDEO|FILE|AP|REUTERS|NOTE|EDITOR'?S NOTE|I|A)$/;

/**
 * Given the first paragraph of an article (spaces already collapsed), returns the dateline it
 * opens with, or null when it opens straight into the story.
 */
export function readDateline(paragraph: string): Dateline | null {
  const match = CAPS_DATELINE.exec(paragraph) ?? TITLE_DATELINE.exec(paragraph) ?? TITLE_DATED.exec(paragraph);
  if (match === null) return null;
  const groups = match.groups!;
  const place = groups.place.trim();
  if (NOT_PLACES.test(place) || place.replace(/[^\p{L}]/gu, "").length < 2) return null;
  // "U.S. - China talks" is not a dateline: a place needs a letter run of its own.
  if (!/\p{L}{2}/u.test(place)) return null;
  // A colon dateline is capitals only and must lead into a sentence, not a headline label.
  if (groups.sep === ": " && !/^\p{Lu}|^["“]/u.test(paragraph.slice(match[0].length))) return null;
  const rest = paragraph.slice(match[0].length);
  if (rest.length > 0 && !/^\S/u.test(rest)) return null;
  const date = groups.month !== undefined ? { month: monthNumber(groups.month), day: Number(groups.day) } : null;
  if (date !== null && (date.day < 1 || date.day > 31)) return null;
  return {
    place: groups.region !== undefined ? `${place}, ${groups.region}` : place,
    date,
    year: groups.year !== undefined ? Number(groups.year) : null,
    agency: groups.agency ?? null,
    length: match[0].length,
  };
}

/** Given a month as written ("Aug", "August", "Sept"), returns its number (1-12). */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The month-name pattern, for other readers of dates in copy (header date lines). */
export const MONTH_PATTERN = MONTH;
