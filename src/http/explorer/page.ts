// The explorer's HTML page: a shell that loads the bundled GraphiQL from this service and hands
// it the endpoint and the example operations as JSON. Rendered on the server, once per start.
import type { ExplorerBundle } from "./bundle.js";

/** What the page script reads from the page: where to send operations and what to open with. */
export interface ExplorerPageConfig {
  /** The GraphQL endpoint, a path on this host, e.g. `/graphql`. */
  endpoint: string;
  /** Where the bundle's files are served, ending in `/`, e.g. `/explorer/`. */
  assets: string;
  /** The tabs a first visit opens with: one per example operation, the first one active. */
  tabs: { query: string; variables?: string }[];
}

/**
 * The Content-Security-Policy the page is served with: the browser itself refuses any request
 * to another host, so "no request leaves the host" holds even if a dependency tries.
 * Monaco sets inline styles, hence 'unsafe-inline' for styles only.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** Given the bundle and the page config, returns the HTML of the explorer page. */
export function renderExplorerPage(bundle: ExplorerBundle, config: ExplorerPageConfig): string {
  const styles = bundle.styles.map((file) => `<link rel="stylesheet" href="${config.assets}${file}">`).join("\n    ");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>News-entity subgraph · GraphiQL</title>
    <link rel="icon" href="data:,">
    ${styles}
    <style>html, body, #explorer { height: 100%; margin: 0; }</style>
    <script id="explorer-config" type="application/json">${jsonForScript(config)}</script>
    <script type="module" src="${config.assets}${bundle.script}"></script>
  </head>
  <body>
    <div id="explorer"></div>
  </body>
</html>
`;
}

// Private: JSON that cannot close the <script> element it sits in.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
