// The one door every input comes through: a file (or its text) in, its articles out, whatever
// the format. The format is told by the file's name and confirmed by its first characters, so a
// page saved as .txt or an item saved without an extension is still read as what it is.
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { IngestError } from "../IngestError.js";
import { publicationOf } from "../publication.js";
import type { ArticleFormat, ArticleSource } from "./articleSource.js";
import { readHtmlPage } from "./htmlPage.js";
import { readNinjsJson, readNinjsLines } from "./ninjs.js";
import { readWireCopy } from "./wireCopy.js";

/** File extensions read as articles when a folder is given. */
export const ARTICLE_EXTENSIONS = [".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson"];

/** An article as read, with the publication time settled. */
export interface ReadArticle extends ArticleSource {
  /** {@link ArticleSource.published}, or the dateline's date in the year --published or the file gives it, or --published. */
  publishedAt: string | null;
}

/** What the command line says about every article. */
export interface ReadOptions {
  /** --published: a date (YYYY-MM-DD) or date-time with offset, for articles that carry none. */
  published?: string | null;
}

/**
 * Given a file's path, returns the articles in it (one for a text file or page, one per item
 * for ninjs JSON and JSON Lines), each with its publication time settled: the input's own date,
 * else a dateline's "Aug 6" in the year of --published or of the file's modification time, else
 * --published. Throws an {@link IngestError} naming the file (and line) and what was expected.
 */
export async function readArticleFile(file: string, options: ReadOptions = {}): Promise<ReadArticle[]> {
  let bytes: Buffer;
  let modified: Date;
  try {
    [bytes, modified] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory, not an article file"
          : `cannot read it (${(error as Error).message})`;
    throw new IngestError(file, reason);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, "it is not UTF-8 text (expected plain text, an HTML page or ninjs JSON)");
  }
  return readArticleText(text, file, { ...options, fileTime: modified });
}

/**
 * Given an input's text and its name, returns its articles as {@link readArticleFile} does,
 * without touching the file system; `fileTime` stands for the file's modification time.
 */
export function readArticleText(text: string, file: string, options: ReadOptions & { fileTime?: Date | null } = {}): ReadArticle[] {
  const articles = readByFormat(text, file);
  return articles.map((article) => ({
    ...article,
    publishedAt: publicationOf(article, { published: options.published ?? null, fileTime: options.fileTime ?? null }),
  }));
}

/**
 * Given an input's text and name, returns the format it is in: the name's extension, unless
 * the content plainly says otherwise (markup in a .txt, JSON without an extension).
 */
export function formatOf(text: string, file: string): ArticleFormat | "jsonl" {
  const extension = extname(file).toLowerCase();
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  if (extension === ".json")
    return start.startsWith("{") && /}\s*\n\s*{/.test(start) && !start.startsWith("[") && !isOneJson(start) ? "jsonl" : "ninjs";
  if ([".html", ".htm", ".xhtml"].includes(extension)) return "html";
  if (/^<(?:!doctype html|html|head|body|article|\?xml)/i.test(start)) return "html";
  if (start.startsWith("{") || start.startsWith("[")) return isOneJson(start) ? "ninjs" : start.startsWith("{") ? "jsonl" : "text";
  return "text";
}

// Private: reads the text in the format it is in.
function readByFormat(text: string, file: string): ArticleSource[] {
  switch (formatOf(text, file)) {
    case "html":
      return [readHtmlPage(text, file)];
    case "ninjs":
      return readNinjsJson(text, file);
    case "jsonl":
      return readNinjsLines(text, file);
    case "text":
      return [readWireCopy(text, file)];
  }
}

function isOneJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
