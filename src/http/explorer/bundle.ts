// Builds the explorer's browser assets from node_modules with esbuild into build/explorer/:
// GraphiQL and its CSS, and Monaco's three web workers. Rebuilds only when an input changed,
// so `npm start` and `npm test` can call it every time for the price of a hash.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, version as esbuildVersion } from "esbuild";

/** Where the bundle is written; gitignored, rebuilt on demand. */
export const EXPLORER_BUILD_DIR = fileURLToPath(new URL("../../../build/explorer/", import.meta.url));

/** What a finished build holds, read back by the server from `manifest.json`. */
export interface ExplorerBundle {
  /** Directory holding the files. */
  dir: string;
  /** Hash of every input; a different hash means the bundle is stale. */
  key: string;
  /** Every file of the bundle, relative to `dir`: the only names the server will serve. */
  files: string[];
  /** The page's script (an ES module). */
  script: string;
  /** The page's stylesheets. */
  styles: string[];
}

const require = createRequire(import.meta.url);
const APP_ENTRY = fileURLToPath(new URL("./app.ts", import.meta.url));
// Monaco runs its language services in web workers; the page asks for them by these names.
const WORKERS = {
  "editor.worker": require.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
  "json.worker": require.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
  "graphql.worker": require.resolve("monaco-graphql/esm/graphql.worker.js"),
};

let pending: Promise<ExplorerBundle> | undefined;

/**
 * Returns the explorer bundle, building it first when it is missing or any input changed
 * (the app script, this builder, the installed package versions). Concurrent callers in one
 * process share one build; concurrent processes each build into a private folder and the
 * first to finish wins the rename.
 */
export function ensureExplorerBundle(dir: string = EXPLORER_BUILD_DIR): Promise<ExplorerBundle> {
  pending ??= ensure(dir).finally(() => {
    pending = undefined;
  });
  return pending;
}

// Private: the cache check, then the build when needed.
async function ensure(dir: string): Promise<ExplorerBundle> {
  // The compiled service (`npm run build`, dist/) ships no explorer sources: it serves the bundle
  // that same build wrote, and never bundles at run time.
  if (!existsSync(APP_ENTRY)) {
    const built = await readManifest(dir);
    if (!built) throw new Error(`The explorer bundle is missing from ${dir}: run \`npm run build\` (or set EXPLORER=off).`);
    return built;
  }
  const key = await inputKey();
  const existing = await readManifest(dir);
  if (existing?.key === key) return existing;

  const staging = `${dir.replace(/\/$/, "")}.${process.pid}.${Date.now()}`;
  await buildInto(staging);
  const files = (await readdir(staging, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(staging.length + 1))
    .sort();
  const bundle: ExplorerBundle = {
    dir,
    key,
    files,
    script: "app.js",
    // GraphiQL's sheet first; the lazily loaded editor chunks' sheets after it, as loading would order them.
    styles: ["graphiql.css", ...files.filter((f) => f.endsWith(".css") && f !== "graphiql.css")],
  };
  await writeFile(join(staging, "manifest.json"), JSON.stringify({ ...bundle, dir: undefined }, null, 2));

  await rm(dir, { recursive: true, force: true });
  try {
    await rename(staging, dir);
  } catch (error) {
    // Another process finished first; keep its bundle when it is for the same inputs.
    await rm(staging, { recursive: true, force: true });
    const theirs = await readManifest(dir);
    if (theirs?.key !== key) throw error;
    return theirs;
  }
  return bundle;
}

// Private: runs esbuild: the page as one ES module (its lazy imports stay lazy as chunks),
// the workers as classic scripts, because `new Worker(url)` without options loads a classic one.
async function buildInto(outdir: string) {
  const common = {
    bundle: true,
    minify: true,
    outdir,
    logLevel: "error" as const,
    define: { "process.env.NODE_ENV": '"production"' },
    // Monaco's codicon font and any images travel with the bundle, never from a CDN.
    loader: {
      ".ttf": "file" as const,
      ".woff": "file" as const,
      ".woff2": "file" as const,
      ".svg": "file" as const,
      ".png": "file" as const,
    },
  };
  await build({
    ...common,
    // GraphiQL's documented stylesheet, as its own entry so the page links it first.
    entryPoints: { app: APP_ENTRY, graphiql: require.resolve("graphiql/style.css") },
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "assets/[name]-[hash]",
  });
  await build({ ...common, entryPoints: WORKERS, format: "iife" });
}

// Private: the hash that decides whether the bundle on disk is current.
async function inputKey(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(esbuildVersion);
  hash.update(await readFile(APP_ENTRY));
  hash.update(await readFile(fileURLToPath(import.meta.url)));
  for (const pkg of ["graphiql", "@graphiql/react", "monaco-editor", "monaco-graphql", "react", "react-dom"]) {
    hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  }
  return hash.digest("hex");
}

// Private: the manifest of the bundle in `dir`, or undefined when there is none.
async function readManifest(dir: string): Promise<ExplorerBundle | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Omit<ExplorerBundle, "dir">;
    return { ...manifest, dir };
  } catch {
    return undefined;
  }
}
