// Plain-text news copy as it comes off the wire or out of a copy-paste: an optional copyright
// line, headline, byline and date line, then the story, which may open with a dateline in any of
// the agencies' styles or with none. Stray page lines are dropped, paragraphs end up one blank
// line apart, and the dateline is kept apart from the body. HTML pages and ninjs items are read
// through here too once their text is out, so every input gets the same treatment.
import { IngestError } from "../IngestError.js";
import type { ArticleFormat, ArticleSource } from "./articleSource.js";
import { dateOfDateLine, isBylineLine, isCopyrightLine, isStrayLine } from "./copyLines.js";
import { readDateline } from "./dateline.js";
import { sourceOfAgency, sourceOfCopyright } from "./sourceName.js";

/** What the container around the copy (a page, a ninjs item) already says about it. */
export interface CopyMetadata {
  format?: ArticleFormat;
  /** The headline from metadata; when given, no line of the copy is taken as the headline. */
  headline?: string | null;
  byline?: string | null;
  /** Publication date-time with offset, from metadata. */
  published?: string | null;
  /** Source name from metadata, used when the copy names none. */
  source?: string | null;
  copyright?: string | null;
  /** A dateline place from metadata (ninjs `located`), used when the copy opens with none. */
  dateline?: string | null;
}

/** How far into the copy a dateline is looked for: headline, deck, byline, date, credit. */
const HEAD_PARAGRAPHS = 8;
/** A paragraph longer than this is story, not head, so no dateline is looked for past it. */
const HEAD_PARAGRAPH_LENGTH = 320;

/**
 * Given the text of one article (plain text, or the text taken out of a page or item), where it
 * came from, and what its container says, returns the article. Throws an {@link IngestError}
 * naming `origin` when there is no story text in it.
 */
export function readWireCopy(raw: string, origin: string, meta: CopyMetadata = {}): ArticleSource {
  if (raw.includes("\u0000")) throw new IngestError(origin, "it is a binary file, not plain text, HTML or JSON");
  let copyright = meta.copyright ?? null;
  const kept: string[] = [];
  for (const line of normalisedLines(raw)) {
    if (line !== "" && isCopyrightLine(line)) {
      copyright ??= line;
      kept.push("");
    } else kept.push(line !== "" && isStrayLine(line) ? "" : line);
  }
  const paragraphs = toParagraphs(kept);
  if (paragraphs.length === 0) {
    throw new IngestError(
      origin,
      raw.trim() === "" ? "the file is empty" : "no story text in it (expected a headline and paragraphs of text)",
    );
  }

  let headline = meta.headline ?? null;
  let byline = meta.byline ?? null;
  let headerDate: string | null = null;
  const head: string[] = [];
  let start = 0;
  const datelineAt = findDatelineParagraph(paragraphs);
  const headEnd = datelineAt >= 0 ? datelineAt : paragraphs.length;
  while (start < headEnd) {
    const p = paragraphs[start];
    const date = dateOfDateLine(p);
    if (isBylineLine(p)) byline ??= p.replace(/^by\s+/i, "");
    else if (date !== null) headerDate ??= date;
    else if (datelineAt >= 0) head.push(p);
    else if (head.length === 0 && meta.headline == null && isHeadlineLike(p) && start + 1 < paragraphs.length) head.push(p);
    else if (meta.headline != null && sameText(p, meta.headline)) head.push(p);
    else break;
    start++;
  }
  // The first head line is the headline; the rest (a deck, a kicker) belongs to neither.
  if (headline === null && head.length > 0) headline = head[0];

  const story = paragraphs.slice(start);
  const dateline = datelineAt >= 0 ? readDateline(story[0]) : null;
  if (dateline !== null) {
    story[0] = story[0].slice(dateline.length).trim();
    if (story[0] === "") story.shift();
  }
  if (story.length === 0) throw new IngestError(origin, "the article has no body after its dateline");
  const body = story.join("\n\n");
  return {
    origin,
    format: meta.format ?? "text",
    headline,
    body,
    dateline: dateline?.place ?? meta.dateline ?? null,
    datelineDate: dateline?.date ?? null,
    datelineYear: dateline?.year ?? null,
    copyright,
    byline,
    source: sourceOfAgency(dateline?.agency ?? null) ?? sourceOfCopyright(copyright) ?? meta.source ?? null,
    published: meta.published ?? (headerDate !== null ? `${headerDate}T00:00:00Z` : null),
  };
}

// Private: the copy's lines, trimmed, with every run of spaces (tabs, no-break and other wide
// spaces) one space and invisible characters (BOM, zero-width, soft hyphen) gone.
function normalisedLines(raw: string): string[] {
  return raw
    .replace(/[\uFEFF\u200B-\u200D\u2060\u00AD]/g, "")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[\s\u00A0]+/g, " ").trim());
}

// Private: lines into paragraphs. Copy written one paragraph per line (blank lines between or
// not) keeps each line; copy hard-wrapped at a fixed width (lines that break mid-sentence, the
// next going on in lower case) joins the lines of each blank-line-separated block.
function toParagraphs(lines: string[]): string[] {
  const filled = lines.filter((l) => l !== "");
  const blocks = lines
    .join("\n")
    .split(/\n{2,}/)
    .map((b) => b.split("\n").filter((l) => l !== ""));
  let joins = 0;
  let midSentence = 0;
  for (const block of blocks) {
    for (let i = 0; i + 1 < block.length; i++) {
      joins++;
      if (!/[.!?:"”’)]$/u.test(block[i]) && /^[\p{Ll}(]/u.test(block[i + 1])) midSentence++;
    }
  }
  const wrapped = joins > 0 && midSentence >= Math.max(1, joins * 0.3);
  if (!wrapped) return filled;
  return blocks.filter((b) => b.length > 0).map((b) => b.join(" "));
}

// Private: where the story opens with a dateline, if it does within the head of the copy.
function findDatelineParagraph(paragraphs: string[]): number {
  for (let i = 0; i < Math.min(paragraphs.length, HEAD_PARAGRAPHS); i++) {
    if (readDateline(paragraphs[i]) !== null) return i;
    if (paragraphs[i].length > HEAD_PARAGRAPH_LENGTH) break;
  }
  return -1;
}

// Private: a headline is short, has no closing full stop and opens with a capital, digit or quote.
function isHeadlineLike(p: string): boolean {
  return p.length <= 200 && p.split(" ").length <= 30 && /^[\p{Lu}\p{N}"“‘']/u.test(p) && !/[.,;:]$/.test(p);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/[\s\u00A0]+/g, " ")
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
}
