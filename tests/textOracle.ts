// What discovery tests compare the service with: the corpus read directly and simply (words
// split on anything that is not a letter or digit, case and accents folded), written apart from
// the service's analyzer so a bug there cannot hide in both.
import pluralize from "pluralize";
import type { ArticleRecord, CorpusRecord } from "../src/corpus/format.js";

/** Given text, returns its words: folded, apostrophes and acronym dots dropped, singular from 4 letters. */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, "$1") // U.S. → US.
    .replace(/['’.]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 3 && /^\p{L}+$/u.test(w) ? pluralize.singular(w) : w));
}

/** Levenshtein distance of two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Given an article, returns the distinct `TYPE:id` keys of the entities it mentions. */
export function entityKeysOf(article: ArticleRecord): Set<string> {
  return new Set(article.mentions.map((m) => `${m.entityType}:${m.entityId}`));
}

/** Given a corpus, returns its articles newest first (undated last, ties by id), as the article list orders them. */
export function newestFirst(corpus: CorpusRecord): ArticleRecord[] {
  const ms = (a: ArticleRecord) => (a.publishedAt ? Date.parse(a.publishedAt) : -Infinity);
  return [...corpus.articles].sort((x, y) => ms(y) - ms(x) || (x.id < y.id ? -1 : 1));
}
