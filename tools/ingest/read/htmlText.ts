// HTML to the plain text of a story: each block (paragraph, heading, list item, quote) becomes a
// paragraph, a <br> a line break, and what is not story text (figures and their captions, asides,
// navigation, scripts, forms, buttons) is left out. Works on a parsed DOM (linkedom), never on
// the markup as a string, so entities, comments and odd nesting are the parser's problem.
import { parseHTML } from "linkedom";

/** Elements whose content is never story text. */
const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "video",
  "audio",
  "figure",
  "figcaption",
  "picture",
  "img",
  "aside",
  "nav",
  "footer",
  "header",
  "form",
  "button",
  "select",
  "textarea",
  "input",
  "label",
]);

/** Elements that stand as a paragraph of their own. */
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "blockquote",
  "pre",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "address",
  "center",
  "body",
  "html",
]);

/** The part of a DOM node read here (linkedom's nodes, or any DOM). */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/**
 * Given a DOM node, returns its text as paragraphs one blank line apart (a <br> is a line
 * break), without the elements that are never story text.
 */
export function textOfNode(node: TextNode): string {
  const out: string[] = [];
  let line = "";
  const flush = (separator: string) => {
    const trimmed = line.replace(/[ \t\u00A0]+/g, " ").trim();
    if (trimmed !== "") out.push(trimmed, separator);
    else if (separator === "\n\n" && out.length > 0) out[out.length - 1] = "\n\n";
    line = "";
  };
  const walk = (n: TextNode) => {
    if (n.nodeType === 3) {
      line += (n.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toLowerCase();
    if (SKIPPED.has(name) || isHidden(n)) return;
    if (name === "br") {
      flush("\n");
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush("\n\n");
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) flush("\n\n");
  };
  walk(node);
  flush("\n\n");
  return out.join("").trim();
}

/** Given an HTML fragment (a ninjs `body_html`), returns its text as {@link textOfNode} does. */
export function textOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return textOfNode(document.body as unknown as TextNode);
}

// Private: elements a page hides (hidden, aria-hidden, display:none) are not read either.
function isHidden(n: TextNode): boolean {
  const element = n as unknown as { getAttribute?: (name: string) => string | null; hasAttribute?: (name: string) => boolean };
  if (element.getAttribute === undefined) return false;
  if (element.hasAttribute?.("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  return /display\s*:\s*none/i.test(element.getAttribute("style") ?? "");
}
