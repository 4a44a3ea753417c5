// Turning matched spans of one field into the highlights a search hit carries: in order,
// overlapping or adjacent spans joined (so "United States" is one highlight, not two), capped.
import type { HighlightRecord } from "../Store.js";

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
