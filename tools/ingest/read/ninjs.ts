// IPTC ninjs news items, the JSON agencies deliver: 1.x (`headline`, `body_text`/`body_html`,
// `byline`) and 2.x (`headlines[]`, `bodies[]`, `by`), with `versioncreated`/`firstcreated` as the
// date and `copyrightholder` as the source. A .json file holds one item or an array of them; a
// JSON Lines file one item per line. Each body then goes through the wire-copy reader.
import { IngestError } from "../IngestError.js";
import type { ArticleSource } from "./articleSource.js";
import { textOfHtml } from "./htmlText.js";
import { metadataTime } from "./metadataTime.js";
import { sourceOfName } from "./sourceName.js";
import { readWireCopy } from "./wireCopy.js";

/** The fields of a ninjs item read here; all optional, as the standard has them. */
interface NinjsItem {
  uri?: unknown;
  type?: unknown;
  headline?: unknown;
  headlines?: unknown;
  body_text?: unknown;
  body_html?: unknown;
  bodies?: unknown;
  byline?: unknown;
  by?: unknown;
  versioncreated?: unknown;
  firstcreated?: unknown;
  contentcreated?: unknown;
  copyrightholder?: unknown;
  copyrightnotice?: unknown;
  located?: unknown;
  infosources?: unknown;
}

/** One of ninjs 2.x's `headlines[]` or `bodies[]`. */
interface Rendition {
  role?: unknown;
  contenttype?: unknown;
  value?: unknown;
}

const EXPECTED = "an IPTC ninjs item (an object with body_text, body_html or bodies[])";

/**
 * Given the text of a .json file and its name, returns its ninjs items as articles: one item,
 * or an array of them (origin "file#N" for the Nth). Throws an {@link IngestError} naming the
 * file, and the item, when it is not JSON or not ninjs.
 */
export function readNinjsJson(text: string, file: string): ArticleSource[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new IngestError(file, `it is not JSON (${(error as Error).message}); expected ${EXPECTED}`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new IngestError(file, `it is an empty array; expected ${EXPECTED}`);
    return value.map((item, i) => readNinjsItem(item, `${file}#${i + 1}`));
  }
  return [readNinjsItem(value, file)];
}

/**
 * Given the text of a JSON Lines file and its name, returns one article per non-blank line
 * (origin "file:LINE"). Throws an {@link IngestError} naming the file and line of the first
 * line that is not a ninjs item.
 */
export function readNinjsLines(text: string, file: string): ArticleSource[] {
  const articles: ArticleSource[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "") return;
      const origin = `${file}:${i + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new IngestError(origin, `the line is not JSON (${(error as Error).message}); expected one ninjs item per line`);
      }
      articles.push(readNinjsItem(value, origin));
    });
  if (articles.length === 0) throw new IngestError(file, `the file is empty; expected ${EXPECTED} per line`);
  return articles;
}

/**
 * Given one parsed ninjs item and where it came from, returns its article. Throws an
 * {@link IngestError} naming `origin` when it is not a ninjs text item with a body.
 */
export function readNinjsItem(value: unknown, origin: string): ArticleSource {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new IngestError(origin, `expected ${EXPECTED}, found ${describe(value)}`);
  const item = value as NinjsItem;
  if (typeof item.type === "string" && !["text", "composite"].includes(item.type)) {
    throw new IngestError(origin, `it is a ninjs "${item.type}" item; only text items carry an article`);
  }
  const body = bodyOf(item, origin);
  if (body === null) throw new IngestError(origin, `no body_text, body_html or bodies[] with text; expected ${EXPECTED}`);
  const holder = stringOf(item.copyrightholder) ?? nameOf(item.copyrightholder) ?? infoSourceOf(item.infosources);
  return readWireCopy(body, origin, {
    format: "ninjs",
    headline: headlineOf(item),
    byline: stringOf(item.byline) ?? stringOf(item.by) ?? nameOf(item.by),
    published:
      metadataTime(stringOf(item.versioncreated)) ??
      metadataTime(stringOf(item.firstcreated)) ??
      metadataTime(stringOf(item.contentcreated)),
    source: sourceOfName(holder),
    copyright: stringOf(item.copyrightnotice),
    dateline: stringOf(item.located) ?? nameOf(item.located),
  });
}

// Private: the item's body as text: 1.x body_text, else body_html; 2.x the main (or first)
// plain-text body, else the main (or first) HTML one.
function bodyOf(item: NinjsItem, origin: string): string | null {
  const plain = stringOf(item.body_text);
  if (plain !== null) return plain;
  const html = stringOf(item.body_html);
  if (html !== null) return textOfHtml(html);
  if (item.bodies === undefined) return null;
  if (!Array.isArray(item.bodies))
    throw new IngestError(origin, `bodies is ${describe(item.bodies)}; expected an array of { contenttype, value }`);
  const bodies = (item.bodies as Rendition[]).filter((b) => b !== null && typeof b === "object" && stringOf(b.value) !== null);
  const ranked = [...bodies].sort((a, b) => rank(a) - rank(b));
  const best = ranked[0];
  if (best === undefined) return null;
  const type = typeof best.contenttype === "string" ? best.contenttype.toLowerCase() : "text/plain";
  return type.includes("html") ? textOfHtml(best.value as string) : (best.value as string);
}

// Private: main bodies before others, plain text before HTML.
function rank(b: Rendition): number {
  const main = b.role === undefined || b.role === "main" || b.role === "body" ? 0 : 2;
  const html = typeof b.contenttype === "string" && b.contenttype.includes("html") ? 1 : 0;
  return main + html;
}

function headlineOf(item: NinjsItem): string | null {
  const one = stringOf(item.headline);
  if (one !== null) return one;
  if (!Array.isArray(item.headlines)) return null;
  const headlines = (item.headlines as Rendition[]).filter((h) => h !== null && typeof h === "object" && stringOf(h.value) !== null);
  const main = headlines.find((h) => h.role === undefined || h.role === "main") ?? headlines[0];
  if (main === undefined) return null;
  const value = main.value as string;
  return typeof main.contenttype === "string" && main.contenttype.includes("html") ? textOfHtml(value) : value.trim();
}

function infoSourceOf(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  for (const source of value) {
    const name = nameOf(source);
    if (name !== null) return name;
  }
  return null;
}

function stringOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function nameOf(value: unknown): string | null {
  return value !== null && typeof value === "object" ? stringOf((value as { name?: unknown }).name) : null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
