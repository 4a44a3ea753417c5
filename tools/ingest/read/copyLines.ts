// The lines of copied news that are not the story: copyright and © lines, bylines, the header's
// date and time line, and the stray lines a copy-paste from a web page brings along (photo
// credits, "Advertisement", "Read more", share buttons, reporting credits). Each is recognised
// as a whole line, so a sentence of the story that merely contains such words is kept.
import { MONTH_PATTERN, monthNumber } from "./dateline.js";

/** A copyright notice: "Copyright kyodonews", "© 2025 Reuters", "(c) 2025 Nikkei Inc.". */
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s)/i;

/** "By Jane Doe", "By Jane Doe and John Roe, Associated Press", "BY JANE DOE". */
const BYLINE = /^by\s+\p{Lu}[\p{L}\p{M}.'’\- ]*(?:(?:,| and| &)\s*\p{Lu}[\p{L}\p{M}.'’\- ]*)*(?:\s*[|,]\s*.*)?$/iu;

/** A line that is only a date, perhaps with a time and a label: "August 6, 2025 3:14 PM GMT+9". */
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated|first published|date)(?: on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?` +
    String.raw`(?:(?<month>${MONTH_PATTERN})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})|(?<day2>\d{1,2})\s+(?<month2>${MONTH_PATTERN})\.?,?\s+(?<year2>\d{4})|(?<iso>\d{4}-\d{2}-\d{2}))`,
  "iu",
);

/** Whole lines a copy-paste brings that belong to the page, not the story. */
const STRAY: RegExp[] = [
  /^(?:skip |scroll to continue with )?advertisement(?:\s*[-–—:·]?\s*(?:scroll to continue|continue reading below|story continues below))?$/i,
  /^(?:story continues|article continues) below(?: advertisement)?$/i,
  /^read (?:more|next|also|the full story)\b.*$/i,
  /^(?:related|recommended|more on this|see also|also read|must read|most read|trending|watch|listen|more|in pictures|in photos|latest|top stories|more from \S.*)\s*[:|»›>-].*$/i,
  /^(?:related (?:stories|articles|coverage|news|topics)|recommended|most read|trending now|more stories|you may also like|suggested topics|topics|tags|share|share this(?: article| story)?|copy link|link copied|save|print|email|comments?|follow us.*|sign up.*|subscribe.*|newsletter.*|listen to (?:this )?article.*|listen|play|\d+ min(?:ute)?s? read|opens new tab|\d+ (?:hours?|minutes?|days?) ago|updated .* ago|back to top|view comments|gift this article|add as preferred source.*)$/i,
  // Photo credits and captions' credit tails: "(AP Photo/Evan Vucci)", "REUTERS/Kim Kyung-Hoon", "Getty Images".
  /\((?:AP|AFP|EPA|Reuters|Kyodo|Xinhua|Yonhap|Bloomberg|Getty)?\s*Photos?\b[^)]*\)\s*$/i,
  /\b(?:REUTERS|AFP|EPA|ANADOLU|XINHUA|KYODO)\s*\/\s*\p{Lu}[^\n]*$/u,
  /(?:^|[\s(])(?:getty images|afp via getty images|shutterstock|bloomberg via getty images|file photo)\)?\.?$/i,
  /^(?:photo|image|picture|photograph|file photo|caption|credit|video)\s*(?:credit)?\s*:.*$/i,
  // Reporting credits at the foot of wire copy.
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|graphics?|research) by\b.*$/i,
  /^our standards:.*$/i,
  /^(?:the )?associated press (?:writers?|reporters?|correspondents?)\b.*\bcontributed\b.*$/i,
  /^[\p{L} .'’-]+ contributed (?:to )?(?:this )?report(?:ing)?\.?$/iu,
  // Rules and ornaments: "___", "* * *", "—".
  /^[\s_*=~•·—–-]+$/,
];

/** Given a trimmed line, returns whether it is a copyright notice. */
export function isCopyrightLine(line: string): boolean {
  return COPYRIGHT.test(line) && line.length <= 200;
}

/** Given a trimmed line from the head of an article, returns whether it is a byline. */
export function isBylineLine(line: string): boolean {
  return line.length <= 120 && BYLINE.test(line) && !/[.!?]["”’]?$/.test(line.replace(/\b(?:Jr|Sr|\p{Lu})\.$/u, ""));
}

/**
 * Given a trimmed line, returns the date it carries when the line is only a date (and maybe a
 * time), as YYYY-MM-DD, or null.
 */
export function dateOfDateLine(line: string): string | null {
  if (line.length > 90) return null;
  const m = DATE_LINE.exec(line);
  if (m === null) return null;
  const g = m.groups!;
  // The rest of the line may only be a time, a zone and "Updated …" — no sentence.
  const rest = line.slice(m[0].length);
  if (/\b(?:said|says|will|would|has|have|is|are|was|were)\b/i.test(rest)) return null;
  if (g.iso !== undefined) return g.iso;
  const month = monthNumber(g.month ?? g.month2);
  const day = Number(g.day ?? g.day2);
  // "August 6, 20253:14 PM" — pages glue the year to the time.
  const year = Number(g.year ?? g.year2);
  if (day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Given a trimmed line, returns whether it is page furniture rather than the story. */
export function isStrayLine(line: string): boolean {
  if (line.length > 240) return false;
  return STRAY.some((pattern) => pattern.test(line));
}
