// compromise's part-of-speech tags for an article, computed only for the sentences that need
// them. Tagging is most of ingestion's CPU time, and many sentences of a story ("Officials declined
// to comment.") are never asked about: the stages look at their words' tags only where cheaper
// tests (a capital, a trade word, a number) have passed. compromise tags each sentence on its own
// (the tags of a sentence tagged alone, or with its neighbours, equal those it gets in the whole
// body; tests/ingest-formats.test.ts checks it), so tagging a sentence when it is first asked
// about gives the tags the whole-body run gives, for less work.
import nlp from "compromise";

/** A word as compromise tokenised it: its text and UTF-16 offset. */
export interface CompromiseTerm {
  text: string;
  offset: { start: number; length: number };
}

/** A sentence as compromise split it: its offset and its words. */
export interface CompromiseSentence {
  offset: { start: number; length: number };
  terms: CompromiseTerm[];
}

const OUTPUT = { offset: true, terms: { offset: true } };
const NO_TAGS: ReadonlySet<string> = new Set();

/** The parts of compromise's internals used here: its hooks, and a document of term objects. */
interface World {
  hooks: string[];
}
interface Term extends CompromiseTerm {
  tags: Set<string>;
}
interface View {
  document: Term[][];
  compute(hooks: string[]): View;
  json(options: object): unknown;
}
type ViewClass = new (document: Term[][]) => View;
const world = (nlp as unknown as { world(): World }).world();

/**
 * A body split into compromise's sentences and words, untagged: `nlp()` with only the hooks that
 * come before its lexicon, so the words are exactly those of a tagging run (which adds only the
 * empty words of contractions it expands, "it's" → "it is").
 */
export interface Tokenized {
  /** compromise's JSON output: sentences, words, offsets. */
  sentences: CompromiseSentence[];
  /** The same words as compromise's term objects, which tagging fills in. */
  document: Term[][];
  View: ViewClass;
}

/** Given a body, returns its sentences and words, untagged ({@link Tokenized}). */
export function tokenize(body: string): Tokenized {
  const all = world.hooks;
  const at = all.indexOf("lexicon");
  world.hooks = at < 0 ? all : all.slice(0, at);
  try {
    const doc = nlp(body) as unknown as View;
    // Sentence offsets from compromise's JSON, each word's text and offset from its term object
    // (copying every term into JSON, as json() does, costs more). Copied, since tagging may
    // replace term objects (a contraction it expands) with ones that have no offset.
    const heads = doc.json({ offset: true, text: false, terms: false }) as { offset: CompromiseSentence["offset"] }[];
    return {
      sentences: doc.document.map((terms, i) => ({
        offset: heads[i].offset,
        terms: terms.map((t) => ({ text: t.text, offset: t.offset })),
      })),
      document: doc.document,
      View: doc.constructor as ViewClass,
    };
  } finally {
    world.hooks = all;
  }
}

/**
 * The tags of a body's words, by sentence and word (its words with text, in compromise's order),
 * tagged on first request. {@link SentenceTags.prefetch} tags several sentences in one run of
 * compromise, which costs less than one run per sentence.
 */
export class SentenceTags {
  private readonly tagged: (ReadonlySet<string>[] | undefined)[];
  /** Per sentence, its words with text: what each tag list lines up with. */
  private readonly words: CompromiseTerm[][];

  constructor(
    private readonly body: string,
    private readonly tokens: Tokenized,
  ) {
    this.words = tokens.sentences.map((s) => s.terms.filter((t) => t.text !== ""));
    this.tagged = tokens.sentences.map(() => undefined);
  }

  /** Given a sentence index and the index of a word among its words with text, returns its tags. */
  tagsOf(sentence: number, word: number): ReadonlySet<string> {
    if (this.tagged[sentence] === undefined) this.tagRun(sentence, sentence);
    return this.tagged[sentence]![word] ?? NO_TAGS;
  }

  /** Tags these sentences now, each run of consecutive ones in one pass of compromise. */
  prefetch(sentences: number[]): void {
    const wanted = [...new Set(sentences)].filter((i) => this.tagged[i] === undefined).sort((a, b) => a - b);
    for (let k = 0; k < wanted.length; ) {
      let end = k;
      while (end + 1 < wanted.length && wanted[end + 1] === wanted[end] + 1) end++;
      this.tagRun(wanted[k], wanted[end]);
      k = end + 1;
    }
  }

  // Private: tags sentences first..last as a document of their own, with the hooks `nlp()` runs
  // after tokenizing (lexicon, pre-tagger, contractions, post-tagger): what `nlp()` of their
  // stretch of the body does, without tokenizing it again. Should its words differ from the
  // tokenizer's (they never have on the fixtures, the dev set or generated articles), the whole
  // body is tagged by `nlp()` and tags are taken by offset.
  private tagRun(first: number, last: number): void {
    const all = world.hooks;
    const at = all.indexOf("lexicon");
    const part = new this.tokens.View(this.tokens.document.slice(first, last + 1));
    part.compute(["index", ...all.slice(at < 0 ? all.length : at)]);
    const lists: ReadonlySet<string>[][] = [];
    for (let k = 0; k <= last - first; k++) {
      const terms = part.document[k].filter((t) => t.text !== "");
      const words = this.words[first + k];
      if (terms.length !== words.length || terms.some((t, i) => t.text !== words[i].text)) {
        this.tagWhole();
        return;
      }
      lists.push(terms.map((t) => t.tags));
    }
    lists.forEach((list, k) => {
      this.tagged[first + k] = list;
    });
  }

  // Private: the fallback of tagRun: every sentence not yet tagged, from `nlp()` of the whole body.
  private tagWhole(): void {
    const byStart = new Map<number, string[]>();
    for (const s of nlp(this.body).json(OUTPUT) as { terms: (CompromiseTerm & { tags: string[] })[] }[])
      for (const t of s.terms) if (t.text !== "") byStart.set(t.offset.start, t.tags);
    this.words.forEach((words, i) => {
      this.tagged[i] ??= words.map((w) => new Set(byStart.get(w.offset.start) ?? []));
    });
  }
}
