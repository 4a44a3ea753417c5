// Plain-text article parsing: an optional copyright line, an optional headline, then the body
// opening "DATELINE - ". The dateline is kept apart from the body, as the corpus format wants.
import { IngestError } from "./IngestError.js";

/** A plain-text article split into its parts. */
export interface ArticleText {
  copyright: string | null;
  headline: string | null;
  /** The place the story was filed from, as written ("TOKYO"). */
  dateline: string;
  /** Everything after "DATELINE - ", paragraphs kept, surrounding space trimmed. */
  body: string;
}

/** "TOKYO - ", "NEW YORK - ", "WASHINGTON, D.C. – ": capitals, then a dash between spaces. */
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .,'’-]*?[\p{Lu}.])\s+[-–—]+\s+(?=\S)/u;
const COPYRIGHT = /^(?:copyright\b|©|\(c\))/i;

/**
 * Given the text of an article file and its name (for errors), returns its copyright line,
 * headline, dateline and body, or throws an {@link IngestError} naming the file when it is
 * empty, binary, or has no "DATELINE - " opening.
 */
export function parseArticleText(raw: string, file: string): ArticleText {
  if (raw.includes("\u0000")) throw new IngestError(file, "it is a binary file, not plain text");
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i].trim() === "") i++;
  };
  skipBlank();
  if (i === lines.length) throw new IngestError(file, "the file is empty");

  let copyright: string | null = null;
  if (COPYRIGHT.test(lines[i].trim())) {
    copyright = lines[i].trim();
    i++;
    skipBlank();
  }
  const headlineLines: string[] = [];
  while (i < lines.length && !DATELINE.test(lines[i].trim())) {
    if (lines[i].trim() !== "") headlineLines.push(lines[i].trim());
    i++;
  }
  if (i === lines.length) {
    throw new IngestError(file, `no "DATELINE - " opening found (expected a line such as "TOKYO - Japan's prime minister …")`);
  }
  if (headlineLines.length > 2) {
    throw new IngestError(file, `${headlineLines.length} lines of text before the "DATELINE - " opening; expected at most a headline`);
  }
  const opening = lines[i].trim();
  const match = DATELINE.exec(opening)!;
  const body = [opening.slice(match[0].length), ...lines.slice(i + 1)].join("\n").trim();
  if (body.length === 0) throw new IngestError(file, "the article has no body after its dateline");
  return { copyright, headline: headlineLines.length > 0 ? headlineLines.join(" ") : null, dateline: match[1], body };
}
