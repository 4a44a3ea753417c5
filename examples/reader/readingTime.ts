// Reading-time estimates for articles, from the word count the news subgraph provides.

/** Adult silent reading speed for non-fiction, in words a minute (Brysbaert 2019, non-fiction). */
export const WORDS_PER_MINUTE = 238;

/** Given a word count, returns the whole minutes it takes to read, at least 1. */
export function readingTimeMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}
