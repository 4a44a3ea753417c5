// A news page as saved from the web: headline, date, publisher and author from its schema.org
// NewsArticle JSON-LD, else its OpenGraph and <meta> tags; the story's text from Mozilla's
// Readability (the Firefox reader view) over a linkedom DOM, with navigation, asides, related
// links and footers left out. The text then goes through the wire-copy reader, which takes the
// dateline off and drops stray lines, like any other input.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { IngestError } from "../IngestError.js";
import type { ArticleSource } from "./articleSource.js";
import { textOfNode, type TextNode } from "./htmlText.js";
import { metadataTime } from "./metadataTime.js";
import { sourceOfName } from "./sourceName.js";
import { readWireCopy } from "./wireCopy.js";

/** schema.org types that are a news story (NewsArticle and its kin). */
const ARTICLE_TYPES = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "BackgroundNewsArticle",
  "OpinionNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
  "LiveBlogPosting",
  "BlogPosting",
  "Report",
  "ScholarlyArticle",
]);

/** Elements removed before Readability looks at the page: never part of a story. */
const FURNITURE =
  "script:not([type='application/ld+json']), style, noscript, template, iframe, nav, aside, footer, form, [role=navigation], [role=complementary], [role=contentinfo], [role=banner], [aria-hidden=true], [hidden]";

/** What a page's metadata says about its article. */
interface PageMetadata {
  headline: string | null;
  published: string | null;
  publisher: string | null;
  author: string | null;
  /** NewsArticle's own `dateline` property, when the page gives it. */
  dateline: string | null;
  /** NewsArticle's `articleBody`, the fallback when the page's markup yields no story. */
  articleBody: string | null;
  copyright: string | null;
}

/**
 * Given an HTML page and where it came from, returns its article. Throws an
 * {@link IngestError} naming `origin` when the page holds no story text.
 */
export function readHtmlPage(html: string, origin: string): ArticleSource {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document as unknown as Document);
  for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();

  let text: string | null = null;
  try {
    // The serializer hands back the DOM node itself, read here without a second parse.
    const article = new Readability<TextNode>(document as unknown as Document, {
      charThreshold: 200,
      serializer: (node) => node as unknown as TextNode,
    }).parse();
    if (article?.content) text = textOfNode(article.content);
    meta.headline ??= article?.title?.trim() || null;
    meta.author ??= article?.byline?.trim() || null;
    meta.publisher ??= article?.siteName?.trim() || null;
  } catch {
    // Readability gives up on some pages (no body, odd markup): the fallbacks below take over.
  }
  if (!text) text = meta.articleBody;
  if (!text) {
    const main = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
    text = main ? textOfNode(main as unknown as TextNode) : null;
  }
  if (!text) throw new IngestError(origin, "no article text found in the page (expected an HTML news page with paragraphs of text)");
  return readWireCopy(text, origin, {
    format: "html",
    headline: meta.headline,
    byline: meta.author,
    published: meta.published,
    source: sourceOfName(meta.publisher),
    copyright: meta.copyright,
    dateline: meta.dateline,
  });
}

// Private: the page's metadata, JSON-LD first (the publisher states it for search engines, so it
// is the most careful), then OpenGraph and article:* properties, then plain <meta> and <time>.
function pageMetadata(document: Document): PageMetadata {
  const ld = newsArticleOf(document);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || null;
  const ldText = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
  const ldName = (value: unknown): string | null => {
    const first = Array.isArray(value) ? value : [value];
    const names = first
      .map((v) => (typeof v === "string" ? v : ldText((v as { name?: unknown } | null)?.name)))
      .filter((n): n is string => !!n);
    return names.length > 0 ? names.join(", ") : null;
  };
  const published =
    metadataTime(ldText(ld?.datePublished)) ??
    metadataTime(meta("meta[property='article:published_time']")) ??
    metadataTime(meta("meta[itemprop=datePublished]")) ??
    metadataTime(meta("meta[name=pubdate]")) ??
    metadataTime(meta("meta[name='parsely-pub-date']")) ??
    metadataTime(meta("meta[name=date]")) ??
    metadataTime(document.querySelector("time[datetime]")?.getAttribute("datetime") ?? null) ??
    metadataTime(ldText(ld?.dateCreated)) ??
    metadataTime(ldText(ld?.dateModified));
  return {
    headline:
      ldText(ld?.headline) ??
      meta("meta[property='og:title']") ??
      meta("meta[name='twitter:title']") ??
      document.querySelector("h1")?.textContent?.trim() ??
      null,
    published,
    publisher:
      ldName(ld?.publisher) ??
      ldName(ld?.sourceOrganization) ??
      meta("meta[property='og:site_name']") ??
      meta("meta[name='application-name']"),
    author: ldName(ld?.author) ?? meta("meta[name=author]") ?? meta("meta[property='article:author']"),
    dateline: ldText(ld?.dateline),
    articleBody: ldText(ld?.articleBody),
    copyright: ldText(ld?.copyrightNotice) ?? null,
  };
}

// Private: the page's NewsArticle (or kin) object from its JSON-LD blocks, searching arrays and
// @graph; a block that is not JSON is skipped, as browsers and search engines skip it.
function newsArticleOf(document: Document): Record<string, unknown> | null {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      const object = value as Record<string, unknown>;
      const types = Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]];
      if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.has(t.replace(/^(?:https?:\/\/)?schema\.org\//, ""))))
        found.push(object);
      if (object["@graph"] !== undefined) visit(object["@graph"]);
      if (object.mainEntity !== undefined) visit(object.mainEntity);
    }
  };
  for (const script of document.querySelectorAll("script[type='application/ld+json']")) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {}
  }
  // A NewsArticle outranks a generic Article (a page may describe itself as both).
  return found.find((o) => [o["@type"]].flat().some((t) => typeof t === "string" && t.endsWith("NewsArticle"))) ?? found[0] ?? null;
}
