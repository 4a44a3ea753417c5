// The explorer page's script, run in the browser: mounts GraphiQL (with its doc explorer and
// history) on the page the service serves. Bundled by src/http/explorer/bundle.ts; loads nothing
// from any other host: Monaco's workers come from this service too.
import { createElement, type ComponentProps } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import type { ExplorerPageConfig } from "./page.js";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

/** Worker script per Monaco language label; everything else runs in the plain editor worker. */
const WORKERS: Record<string, string> = { json: "json.worker.js", graphql: "graphql.worker.js" };

const config = JSON.parse(document.getElementById("explorer-config")!.textContent!) as ExplorerPageConfig;

// Monaco asks for a worker per language; serve each from our own bundle, never a CDN.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return new Worker(new URL(config.assets + (WORKERS[label] ?? "editor.worker.js"), location.href));
  },
};

// Plain POST over fetch: the service speaks JSON over HTTP only (no subscriptions, no multipart).
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch(config.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

// GraphiQL 5 opens the first default tab with its query but not its variables (its editor's
// initial variables do not fall back to the tab's), so on a first visit, with no saved tabs,
// hand them over directly. Later visits restore the user's own tabs from localStorage.
const firstVisit = localStorage.getItem("graphiql:tabState") === null;

createRoot(document.getElementById("explorer")!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: config.tabs,
    initialVariables: firstVisit ? config.tabs[0]?.variables : undefined,
    defaultEditorToolsVisibility: "variables",
  }),
);
