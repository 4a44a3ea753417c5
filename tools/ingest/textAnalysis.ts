// Sentences and tokens of an article body, from compromise: every token keeps its exact
// UTF-16 offsets and part-of-speech tags, so later stages can cut spans that equal the body.
import nlp from "compromise";
import { speedUpCompromise } from "./compromiseSpeed.js";

// compromise's post-tagger spends most of its time choosing patterns; the replacement chooses
// the same ones in the same order, faster, and skips work whose result is never read (see
// compromiseSpeed.ts). The tags are the same.
speedUpCompromise();

/** One word of the body as compromise tokenised it, with exact offsets. */
export interface Token {
  /** Position in {@link AnalysedText.tokens}. */
  index: number;
  /** Position of its sentence in {@link AnalysedText.sentences}. */
  sentence: number;
  /** UTF-16 offset of the first character. */
  start: number;
  /** Offset just past the word itself, without a possessive `'s` (what a mention span ends on). */
  end: number;
  /** Offset just past the whole token, possessive included. */
  outerEnd: number;
  /** `body.slice(start, end)`: the word without its possessive ending. */
  text: string;
  /** {@link Token.text} lower-cased. */
  lower: string;
  /** True for "Japan's", "Beijing's", "countries'". */
  possessive: boolean;
  /** compromise's tags (Noun, Verb, Adjective, Person, Place, …). */
  tags: ReadonlySet<string>;
  /** The characters between this token and the next one in the body (spaces, punctuation). */
  after: string;
}

/** One sentence: its span of the body and its tokens. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** `body.slice(start, end)`, the evidence quote for facts it states. */
  text: string;
  /** Index of its first token; its tokens are `tokens.slice(first, last)`. */
  first: number;
  last: number;
}

/** An article body split into sentences and tokens. */
export interface AnalysedText {
  body: string;
  sentences: Sentence[];
  tokens: Token[];
}

/** A span of the body: `text === body.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Given an article body, returns its sentences and tokens with exact offsets and tags.
 * Sentences come from compromise; a sentence that ends inside a closing quote
 * (`…countermeasures." The tariff…`) is split there, which compromise does not do.
 */
export function analyseText(body: string): AnalysedText {
  const json = nlp(body).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  const raw: Omit<Token, "index" | "sentence" | "after">[] = [];
  let cursor = 0;
  for (const sentence of json) {
    for (const term of sentence.terms) {
      const located = locate(body, term, cursor);
      if (located === null) continue;
      cursor = located.outerEnd;
      raw.push(...splitAtHyphens(body, located));
    }
  }

  const sentenceSpans = json.flatMap((s) => splitAtClosingQuotes(body, s.offset.start, s.offset.start + s.offset.length));
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let t = 0;
  for (const [start, end] of sentenceSpans) {
    const first = tokens.length;
    while (t < raw.length && raw[t].start < end) {
      if (raw[t].start >= start) tokens.push({ ...raw[t], index: tokens.length, sentence: sentences.length, after: "" });
      t++;
    }
    if (tokens.length === first) continue;
    sentences.push({ index: sentences.length, start, end, text: body.slice(start, end), first, last: tokens.length });
  }
  tokens.forEach((token, i) => {
    token.after = body.slice(token.outerEnd, i + 1 < tokens.length ? tokens[i + 1].start : body.length);
  });
  return { body, sentences, tokens };
}

/** Given a token, returns whether it starts with a capital letter ("Japan", "U.S.", "Xi"). */
export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

// Private: the part of compromise's JSON output read here.
interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface CompromiseSentence {
  offset: { start: number; length: number };
  terms: CompromiseTerm[];
}

// Private: a term's exact place in the body. compromise normally reports it; contractions it
// expands ("it's" → "it is") carry implied words with no text of their own, which are skipped.
function locate(body: string, term: CompromiseTerm, cursor: number): Omit<Token, "index" | "sentence" | "after"> | null {
  if (term.text === "") return null;
  let start = term.offset.start;
  if (body.slice(start, start + term.text.length) !== term.text) {
    start = body.indexOf(term.text, cursor);
    if (start < 0) return null;
  }
  const outerEnd = start + term.text.length;
  const whole = term.text;
  let end = outerEnd;
  let possessive = false;
  if (
    /\p{L}['’]s$/u.test(whole) &&
    (term.tags.includes("Possessive") || /^\p{Lu}/u.test(whole)) &&
    !/^(it|he|she|that|what|there|here|who|let)['’]s$/i.test(whole)
  ) {
    end -= 2;
    possessive = true;
  } else if (/s['’]$/.test(whole)) {
    end -= 1;
    possessive = true;
  }
  const text = body.slice(start, end);
  return { start, end, outerEnd, text, lower: text.toLowerCase(), possessive, tags: new Set(term.tags) };
}

// Private: compromise keeps "U.S.-China" as one token though it splits "Japan-U.S."; split it the
// same way, so each country in a hyphenated pair is a token of its own.
function splitAtHyphens(body: string, token: Omit<Token, "index" | "sentence" | "after">): Omit<Token, "index" | "sentence" | "after">[] {
  const whole = body.slice(token.start, token.outerEnd);
  if (!/^[^-]+(?:-[^-]+)+$/.test(whole)) return [token];
  const parts: Omit<Token, "index" | "sentence" | "after">[] = [];
  let start = token.start;
  for (const piece of whole.split("-")) {
    const outerEnd = start + piece.length;
    const last = outerEnd === token.outerEnd;
    const end = last ? token.end : outerEnd;
    const text = body.slice(start, end);
    parts.push({ start, end, outerEnd, text, lower: text.toLowerCase(), possessive: last && token.possessive, tags: token.tags });
    start = outerEnd + 1;
  }
  return parts;
}

// Private: splits a sentence span after a terminal mark inside closing quotes when the next
// sentence starts with a capital, returning [start, end] pairs trimmed of surrounding space.
function splitAtClosingQuotes(body: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  const text = body.slice(start, end);
  const boundary = /[.!?]["”’]+(\s+)(?=["“]?\p{Lu})/gu;
  let from = 0;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const cut = m.index + m[0].length - m[1].length;
    pieces.push([start + from, start + cut]);
    from = m.index + m[0].length;
  }
  pieces.push([start + from, end]);
  return pieces.map(([s, e]) => trimSpan(body, s, e)).filter(([s, e]) => e > s);
}

// Private: narrows [start, end) past leading and trailing white space.
function trimSpan(body: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  return [start, end];
}
