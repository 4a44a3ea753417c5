// Serves the explorer: the GraphiQL page on the GraphQL path when a browser asks for HTML, and
// the bundle's files under /explorer/. The HTTP front door asks it first and falls through
// to GraphQL (or its 404) when it answers false.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { type ExampleOperation, loadExamples } from "./examples.js";
import { ensureExplorerBundle } from "./bundle.js";
import { EXPLORER_CSP, renderExplorerPage } from "./page.js";

/** Answers the request and returns true when it is the explorer's; returns false otherwise. */
export type ExplorerHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

/** What {@link createExplorer} needs. */
export interface ExplorerOptions {
  /** The GraphQL path the page sends operations to. @default "/graphql" */
  endpoint?: string;
  /** The path prefix the bundle's files are served under. @default "/explorer/" */
  assets?: string;
  /**
   * Which operations of schema/examples.graphql open as tabs; asked on the first request, so it
   * may read a schema loaded after start (the gateway keeps those its supergraph can run). @default all
   */
  keep?: (example: ExampleOperation) => boolean;
}

/** A response body with its entity tag. */
interface Asset {
  body: Buffer;
  etag: string;
}

/** The explorer's page and files, loaded once. */
interface Loaded {
  page: Asset;
  files: Map<string, Asset>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Returns the explorer's request handler. The bundle is built (or found current) and the
 * examples read on the first request, so start-up stays fast and a server that never meets a
 * browser never builds anything.
 */
export function createExplorer(options: ExplorerOptions = {}): ExplorerHandler {
  const endpoint = options.endpoint ?? "/graphql";
  const assets = options.assets ?? "/explorer/";
  let loading: Promise<Loaded> | undefined;
  const load = () => {
    loading ??= loadExplorer(endpoint, assets, options.keep ?? (() => true)).catch((error: unknown) => {
      loading = undefined; // try again on the next request rather than failing forever
      throw error;
    });
    return loading;
  };

  return async (req, res, url) => {
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") return false;
    if (url.pathname === endpoint) {
      if (!prefersHtml(req.headers.accept)) return false;
      const { page } = await load();
      send(req, res, page, "text/html; charset=utf-8", { "content-security-policy": EXPLORER_CSP });
      return true;
    }
    if (!url.pathname.startsWith(assets)) return false;
    const { files } = await load();
    // Only names the build wrote are served, so no path can reach outside the bundle.
    const file = files.get(url.pathname.slice(assets.length));
    if (!file) return false;
    send(req, res, file, CONTENT_TYPES[extname(url.pathname)] ?? "application/octet-stream", {});
    return true;
  };
}

/** True when an Accept header asks for HTML, as a browser's address bar does. */
export function prefersHtml(accept: string | undefined): boolean {
  return (accept ?? "").split(",").some((part) => {
    const [type, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    return type === "text/html" && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

// Private: builds or finds the bundle, reads its files and renders the page.
async function loadExplorer(endpoint: string, assets: string, keep: (example: ExampleOperation) => boolean): Promise<Loaded> {
  const [bundle, all] = await Promise.all([ensureExplorerBundle(), loadExamples()]);
  const examples = all.filter(keep);
  const files = new Map<string, Asset>();
  await Promise.all(bundle.files.map(async (name) => files.set(name, asset(await readFile(join(bundle.dir, name))))));
  const tabs = examples.map((example) => ({
    query: example.source,
    variables: Object.keys(example.variables).length > 0 ? JSON.stringify(example.variables, null, 2) : undefined,
  }));
  return { files, page: asset(Buffer.from(renderExplorerPage(bundle, { endpoint, assets, tabs }))) };
}

// Private: a body and its entity tag (a hash of the body).
function asset(body: Buffer): Asset {
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` };
}

// Private: writes one file, answering 304 when the browser already holds this copy.
function send(req: IncomingMessage, res: ServerResponse, { body, etag }: Asset, type: string, headers: Record<string, string>) {
  const common = { etag, "cache-control": "no-cache", "x-content-type-options": "nosniff", ...headers };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, common).end();
    return;
  }
  res.writeHead(200, { ...common, "content-type": type, "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}
