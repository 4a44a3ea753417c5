// The article page's data, fetched with the typed client: what a frontend's article route calls.
// Every field used here is checked by `tsc` against the types generated from the schema.
import { ArticlePageDocument, type ArticlePageQuery } from "./generated/graphql.js";
import type { TypedClient } from "./client.js";

/** The article as the page shows it. */
export type ArticlePageArticle = NonNullable<ArticlePageQuery["article"]>;

/** One stretch of the body: plain text, or the words of a mention with the entity they name. */
export type BodySegment = { text: string; entity?: ArticlePageArticle["mentions"][number]["entity"] };

/** Fetches the article page for `id`; null when there is no such article. */
export async function fetchArticlePage(client: TypedClient, id: string): Promise<ArticlePageArticle | null> {
  const { article } = await client.request(ArticlePageDocument, { id });
  return article;
}

/**
 * Splits the body into plain and mentioned stretches for highlighting. Mentions can nest
 * (`U.S.` inside a tariff's mention); the outermost one wins, as a reader would link it.
 */
export function segmentBody(article: ArticlePageArticle): BodySegment[] {
  const segments: BodySegment[] = [];
  let at = 0;
  // By position, and at one position the longest first, so the outer mention is met first.
  const mentions = [...article.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const mention of mentions) {
    if (mention.start < at) continue; // nested inside the previous mention
    if (mention.start > at) segments.push({ text: article.body.slice(at, mention.start) });
    segments.push({ text: article.body.slice(mention.start, mention.end), entity: mention.entity });
    at = mention.end;
  }
  if (at < article.body.length) segments.push({ text: article.body.slice(at) });
  return segments;
}
