// An article as PostgreSQL full-text search reads it: a tsvector built here with the service's
// own analyzer (src/text/analyze.ts) rather than PostgreSQL's parser and stemmer, so a word
// matches in the database exactly when it matches in the memory store ("U.S." is `us`,
// "tariffs" is `tariff`, "Hernández" is `hernandez`). Headline words carry weight A and body
// words D; every entity the article mentions is a lexeme of its own (`COUNTRY:US`, which no
// word can spell) at the positions of its mentions, so a query that names an entity finds the
// articles mentioning it however they spell it.
import type { ArticleRecord } from "../../corpus/format.js";
import { tokenize } from "../../text/analyze.js";
import { conceptKey } from "../search/QueryPlan.js";

/** PostgreSQL keeps positions up to this; later words share it. */
const MAX_POSITION = 16_383;
/** PostgreSQL keeps at most this many positions of one lexeme. */
const MAX_POSITIONS_PER_LEXEME = 256;

/** What importing an article writes for search. */
export interface ArticleSearchText {
  /** The article's tsvector in PostgreSQL's input syntax. */
  vector: string;
  /** The distinct word terms of headline and body, for the vocabulary of prefix and typo look-ups. */
  terms: string[];
}

/** Given an article, returns its tsvector (as text) and its distinct word terms. */
export function articleSearchText(article: ArticleRecord): ArticleSearchText {
  const positions = new Map<string, string[]>();
  const add = (lexeme: string, position: number, weight: "A" | "") => {
    let list = positions.get(lexeme);
    if (!list) positions.set(lexeme, (list = []));
    if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
  };
  let position = 0;
  if (article.headline) for (const token of tokenize(article.headline)) add(token.term, ++position, "A");
  const body = tokenize(article.body);
  const bodyStart = position;
  for (const token of body) add(token.term, ++position, "");
  const terms = [...positions.keys()];
  // A mention sits at the position of the first body word it covers (or the next word).
  for (const m of article.mentions) {
    add(conceptKey(m.entityType, m.entityId), bodyStart + 1 + firstTokenAtOrAfter(body, m.start), "");
  }
  const vector = [...positions].map(([lexeme, at]) => `${quoteLexeme(lexeme)}:${at.join(",")}`).join(" ");
  return { vector, terms };
}

/** Given a lexeme, returns it quoted for tsvector or tsquery input, taken as is (no parsing). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

// Private: the index of the first token starting at or after `offset` (tokens are in order).
function firstTokenAtOrAfter(tokens: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
