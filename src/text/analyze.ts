// The search analyzer: splits text into words with their UTF-16 spans and turns each word into
// the term the search indexes store, so "U.S." and "US", "Hernández" and "hernandez",
// "tariffs" and "tariff" meet. Indexing, querying and highlighting all go through here.
import pluralize from "pluralize";
import { foldText } from "./fold.js";

/** One word of a text: its index term and where it is (`text.slice(start, end)` is the word). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// A word is an acronym written with dots ("U.S.", "U.K."), or a run of letters, marks and
// digits with inner apostrophes ("Takaichi's", "O'Brien"); combining marks belong to the word,
// so text in decomposed form splits where its composed form does. The scanner below finds them
// by character code (a regular expression with Unicode classes was four times slower on bodies).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const DOT = 0x2e;

// Function words that carry no meaning in a query. "us" is deliberately absent: in news it is
// far more often the United States than the pronoun.
const STOP_WORDS = new Set(
  "a an and are as at be been but by for from had has have he her his i if in into is it its not of on or she so than that the their them then there these they this those to was were which while who whom will with would we you your our".split(
    " ",
  ),
);

// Letters NFD does not decompose, folded the way people type them on an English keyboard.
const EXTRA_FOLDS: Record<string, string> = { ø: "o", ł: "l", đ: "d", ß: "ss", ı: "i", æ: "ae", œ: "oe", þ: "th", ð: "d" };
const EXTRA_FOLD = /[øłđßıæœþð]/g;

// Words repeat endlessly in a corpus; each distinct spelling is analysed once.
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/**
 * Given a word as printed, returns its index term: folded (case, accents), acronym dots,
 * possessive and apostrophes dropped, singular; or null for a stop word or a single letter.
 */
export function termOf(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  const term = analyzeWord(word);
  if (termCache.size < TERM_CACHE_LIMIT) termCache.set(word, term);
  return term;
}

/** Given any text, returns its words in order with their terms and spans; stop words are left out. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (start, end) => {
    const term = termOf(text.slice(start, end));
    if (term !== null) tokens.push({ term, start, end });
  });
  return tokens;
}

/**
 * Given any text and a visitor, calls it with each word's token in order (stop words left out)
 * until it returns false.
 */
export function visitTokens(text: string, visit: (token: Token) => boolean): void {
  scanWords(text, (start, end) => {
    const term = termOf(text.slice(start, end));
    return term === null || visit({ term, start, end });
  });
}

/**
 * Given any text and a visitor, calls it with every word as printed, stop words included, in
 * order: for an indexer that caches each spelling's term itself.
 */
export function visitWords(text: string, visit: (word: string) => void): void {
  scanWords(text, (start, end) => visit(text.slice(start, end)));
}

/** Given any text, returns the terms of its words in order (what {@link tokenize} gives, without spans). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  scanWords(text, (start, end) => {
    const term = termOf(text.slice(start, end));
    if (term !== null) terms.push(term);
  });
  return terms;
}

// Private: calls `found` with the span of every word of the text, in order, until it returns false.
// biome-ignore lint/suspicious/noConfusingVoidType: callers pass plain statements; only an explicit false stops the scan
function scanWords(text: string, found: (start: number, end: number) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const width = wordCharWidth(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    // An acronym: two or more letters, each followed by a dot.
    let j = start;
    let letters = 0;
    while (j + 1 < n && text.charCodeAt(j + 1) === DOT && isLetterAt(text, j)) {
      letters++;
      j += 2;
    }
    if (letters >= 2) {
      if (found(start, j) === false) return;
      i = j;
      continue;
    }
    // A run of word characters, with apostrophes inside.
    i += width;
    for (;;) {
      const w = wordCharWidth(text, i);
      if (w > 0) {
        i += w;
        continue;
      }
      const c = text.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && wordCharWidth(text, i + 1) > 0) {
        i++;
        continue;
      }
      break;
    }
    if (found(start, i) === false) return;
  }
}

// Non-ASCII characters are classified once each.
const wideClass = new Map<string, boolean>();

// Private: how many UTF-16 units the word character at i takes (2 for a letter outside the BMP), or 0.
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const char = String.fromCodePoint(text.codePointAt(i)!);
  let is = wideClass.get(char);
  if (is === undefined) wideClass.set(char, (is = WORD_CHAR.test(char)));
  return is ? char.length : 0;
}

// Private: whether the UTF-16 unit at i is a letter on its own (acronyms are letters only).
function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(text[i]!);
}

/**
 * Given a word as printed and a term prefix (as a query term), returns how many UTF-16 units of
 * the word spell that prefix, e.g. 4 for "Takaichi" and "taka"; the whole word when no shorter
 * start does (folding can change lengths, so this is found by trying, not by counting).
 */
export function printedPrefixLength(word: string, prefix: string): number {
  // Plain letters fold one to one: the prefix is as long as printed.
  if (/^[A-Za-z0-9]+$/.test(word)) return word.toLowerCase().startsWith(prefix) ? prefix.length : word.length;
  for (let end = 1; end < word.length; end++) {
    const folded = foldWord(word.slice(0, end));
    if (folded === prefix) return end;
    if (folded.length > prefix.length) break;
  }
  return word.length;
}

// Private: the term of one word, uncached.
function analyzeWord(word: string): string | null {
  let term = foldWord(word);
  if (term.length < 2 || STOP_WORDS.has(term)) return null;
  // Only longer words are singularised: the rules would turn "us" into "me" and "gas" into "ga".
  if (term.length > 3 && /^\p{L}+$/u.test(term)) term = pluralize.singular(term);
  return term;
}

// Private: case, accents, possessive, apostrophes and acronym dots removed.
function foldWord(word: string): string {
  return foldText(word)
    .replace(EXTRA_FOLD, (c) => EXTRA_FOLDS[c]!)
    .replace(/['’]s$/, "")
    .replace(/['’.]/g, "");
}
