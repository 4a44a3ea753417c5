// Word counts of article text, for reading-time estimates. Intl.Segmenter finds words the way
// the Unicode standard does, so punctuation, numbers like "27.5" and non-Latin scripts count right.

const segmenter = new Intl.Segmenter("en", { granularity: "word" });

/** Given any text, returns how many words it holds (punctuation and spaces are not words). */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}
