// The article as extraction sees it: its plain-text body (paragraphs apart by a blank line,
// the dateline already taken off) and the parts kept beside it on the article record. Readers in
// read/ produce it from wire copy, HTML pages and IPTC ninjs items.

/** An article's text and the parts of it the corpus keeps apart from the body. */
export interface ArticleText {
  /** The copyright notice as written ("Copyright kyodonews"), when the article carries one. */
  copyright: string | null;
  headline: string | null;
  /** The place the story was filed from, as written ("TOKYO"), or null when it gives none. */
  dateline: string | null;
  /** The story's plain text: paragraphs apart by a blank line, no dateline; spans index into it. */
  body: string;
}
