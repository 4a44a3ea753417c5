// Turning matched spans of one field into the highlights a search hit carries: in order,
// overlapping or adjacent spans joined (so "United States" is one highlight, not two), capped.
import type { ArticleRecord } from "../../corpus/format.js";
import { printedPrefixLength, visitTokens } from "../../text/analyze.js";
import type { HighlightRecord } from "../Store.js";
import { conceptKey } from "./QueryPlan.js";
import { MatchKind, type Alternative } from "./Vocabulary.js";

/** A UTF-16 span of a field's text. */
export interface Span {
  start: number;
  end: number;
}

/** At most this many highlights per field of a hit: enough for a snippet, bounded for a long body. */
export const MAX_HIGHLIGHTS_PER_FIELD = 10;

// Spans separated only by spaces or dashes read as one phrase.
const JOINER = /^[\s\-‐‑‒–—]*$/u;

/**
 * Given a field's name and text and spans matched in it (any order, may overlap), returns its
 * highlights in order of position, joined where they overlap or only spaces and dashes part
 * them, at most {@link MAX_HIGHLIGHTS_PER_FIELD}. Each has `text === fieldText.slice(start, end)`.
 */
export function highlightsOf(field: string, fieldText: string, spans: readonly Span[]): HighlightRecord[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && (span.start <= last.end || JOINER.test(fieldText.slice(last.end, span.start)))) {
      last.end = Math.max(last.end, span.end);
    } else {
      if (merged.length === MAX_HIGHLIGHTS_PER_FIELD) break;
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged.map(({ start, end }) => ({ field, text: fieldText.slice(start, end), start, end }));
}

/**
 * Given an article, the index terms a query reached (each with how: a prefix match shows only
 * the typed part) and the keys of the entities it named, returns the article's highlights: the
 * matched words of its headline and body and its mentions of those entities.
 */
export function articleHighlights(
  article: ArticleRecord,
  alternatives: Iterable<Alternative>,
  concepts: ReadonlySet<string>,
): HighlightRecord[] {
  const wanted = new Map<string, Alternative>();
  for (const alt of alternatives) if (!wanted.has(alt.term)) wanted.set(alt.term, alt);
  // A field's matched words, read only as far as the highlights a field can show: a long body
  // is not tokenised to its end for a snippet.
  const spansIn = (text: string): { spans: Span[]; readTo: number } => {
    const spans: Span[] = [];
    let readTo = text.length;
    visitTokens(text, (token) => {
      const alt = wanted.get(token.term);
      if (!alt) return true;
      const end =
        alt.kind === MatchKind.PREFIX ? token.start + printedPrefixLength(text.slice(token.start, token.end), alt.from) : token.end;
      spans.push({ start: token.start, end });
      if (spans.length < 2 * MAX_HIGHLIGHTS_PER_FIELD) return true;
      readTo = token.end;
      return false;
    });
    return { spans, readTo };
  };
  const body = spansIn(article.body);
  for (const m of article.mentions) {
    if (m.start < body.readTo && concepts.has(conceptKey(m.entityType, m.entityId))) body.spans.push({ start: m.start, end: m.end });
  }
  return [
    ...(article.headline ? highlightsOf("headline", article.headline, spansIn(article.headline).spans) : []),
    ...highlightsOf("body", article.body, body.spans),
  ];
}
