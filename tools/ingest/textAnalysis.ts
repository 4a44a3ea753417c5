// Sentences and tokens of an article body, from compromise: every token keeps its exact
// UTF-16 offsets and part-of-speech tags, so later stages can cut spans that equal the body.
import { speedUpCompromise } from "./compromiseSpeed.js";
import { type CompromiseSentence, type CompromiseTerm, SentenceTags, tokenize } from "./sentenceTags.js";

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
 * Tags are compromise's, computed when a token's {@link Token.tags} is first read (see
 * sentenceTags.ts): sentences with a name-like word, a figure or a lower-case possessive are
 * tagged at once, together; the rest only if a stage asks.
 */
export function analyseText(body: string): AnalysedText {
  const tokenized = tokenize(body);
  const json = tokenized.sentences;
  const tags = new SentenceTags(body, tokenized);
  tags.prefetch(json.flatMap((sentence, i) => (likelyRead(sentence) ? [i] : [])));
  const raw: RawToken[] = [];
  let cursor = 0;
  json.forEach((sentence, s) => {
    let word = 0;
    for (const term of sentence.terms) {
      if (term.text === "") continue;
      const located = locate(body, term, cursor, tags, s, word++);
      if (located === null) continue;
      cursor = located.outerEnd;
      raw.push(...splitAtHyphens(body, located));
    }
  });

  const sentenceSpans = json.flatMap((s) => splitAtClosingQuotes(body, s.offset.start, s.offset.start + s.offset.length));
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let t = 0;
  for (const [start, end] of sentenceSpans) {
    const first = tokens.length;
    while (t < raw.length && raw[t].start < end) {
      if (raw[t].start >= start) tokens.push(new TaggedToken(raw[t], tokens.length, sentences.length, tags));
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

// Private: a token before it has its place in the article: its word's place in compromise's
// sentence, which is where its tags are found.
interface RawToken {
  start: number;
  end: number;
  outerEnd: number;
  text: string;
  lower: string;
  possessive: boolean;
  /** compromise's sentence and the index of the word among its words with text. */
  sentence: number;
  word: number;
}

// Private: a token whose tags are looked up (and its sentence tagged) when first read.
class TaggedToken implements Token {
  readonly start: number;
  readonly end: number;
  readonly outerEnd: number;
  readonly text: string;
  readonly lower: string;
  readonly possessive: boolean;
  after = "";
  readonly #tags: SentenceTags;
  readonly #sentence: number;
  readonly #word: number;

  constructor(
    raw: RawToken,
    readonly index: number,
    readonly sentence: number,
    tags: SentenceTags,
  ) {
    this.start = raw.start;
    this.end = raw.end;
    this.outerEnd = raw.outerEnd;
    this.text = raw.text;
    this.lower = raw.lower;
    this.possessive = raw.possessive;
    this.#tags = tags;
    this.#sentence = raw.sentence;
    this.#word = raw.word;
  }

  #tagSet: ReadonlySet<string> | undefined;

  get tags(): ReadonlySet<string> {
    this.#tagSet ??= this.#tags.tagsOf(this.#sentence, this.#word);
    return this.#tagSet;
  }
}

// Private: whether a stage will probably read tags in this sentence, so it is worth tagging with
// the others at once: it has a capitalised word after its first (a name, a place, a body), or a
// lower-case possessive (whose tags decide where the word ends, below). Figures alone do not count:
// on 100 generated articles, counting them tagged 284 words per article instead of the 180 the
// stages read. A wrong guess costs time, not tags.
function likelyRead(sentence: CompromiseSentence): boolean {
  return sentence.terms.some((term, i) => (i > 0 && /^\p{Lu}/u.test(term.text)) || needsPossessiveTag(term.text));
}

// Private: a word ending in 's whose possessive reading only its tags tell ("country's" yes,
// "it's" no); capitalised ones are possessive by their form.
function needsPossessiveTag(word: string): boolean {
  return /\p{L}['’]s$/u.test(word) && !/^\p{Lu}/u.test(word) && !POSSESSIVE_LOOKALIKES.test(word);
}
const POSSESSIVE_LOOKALIKES = /^(it|he|she|that|what|there|here|who|let)['’]s$/i;

// Private: a term's exact place in the body. compromise normally reports it; contractions it
// expands ("it's" → "it is") carry implied words with no text of their own, which are skipped.
function locate(body: string, term: CompromiseTerm, cursor: number, tags: SentenceTags, sentence: number, word: number): RawToken | null {
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
    /^\p{Lu}/u.test(whole)
      ? /\p{L}['’]s$/u.test(whole) && !POSSESSIVE_LOOKALIKES.test(whole)
      : needsPossessiveTag(whole) && tags.tagsOf(sentence, word).has("Possessive")
  ) {
    end -= 2;
    possessive = true;
  } else if (/s['’]$/.test(whole)) {
    end -= 1;
    possessive = true;
  }
  const text = body.slice(start, end);
  return { start, end, outerEnd, text, lower: text.toLowerCase(), possessive, sentence, word };
}

// Private: compromise keeps "U.S.-China" as one token though it splits "Japan-U.S."; split it the
// same way, so each country in a hyphenated pair is a token of its own.
function splitAtHyphens(body: string, token: RawToken): RawToken[] {
  const whole = body.slice(token.start, token.outerEnd);
  if (!/^[^-]+(?:-[^-]+)+$/.test(whole)) return [token];
  const parts: RawToken[] = [];
  let start = token.start;
  for (const piece of whole.split("-")) {
    const outerEnd = start + piece.length;
    const last = outerEnd === token.outerEnd;
    const end = last ? token.end : outerEnd;
    const text = body.slice(start, end);
    parts.push({
      start,
      end,
      outerEnd,
      text,
      lower: text.toLowerCase(),
      possessive: last && token.possessive,
      sentence: token.sentence,
      word: token.word,
    });
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
