// The production build: every module of src/ compiled to JavaScript in dist/ (the same layout, so
// paths a module computes from its own location, such as data/ and migrations/, still resolve), and
// the explorer's browser bundle in build/explorer/. `node dist/main.js` then runs with no TypeScript
// tooling and no npm or shell between the process manager and the server.
import { readdir, rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";
import { ensureExplorerBundle } from "../../src/http/explorer/bundle.js";

/** The project's root directory. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where the compiled service goes. */
export const DIST_DIR = join(ROOT, "dist");

/** Browser-only sources, bundled by ensureExplorerBundle rather than compiled for Node. */
const BROWSER_ONLY = new Set(["http/explorer/app.ts"]);

/** What {@link buildDist} did. */
export interface BuildResult {
  /** Modules compiled into dist/. */
  modules: number;
  /** Files of the explorer bundle. */
  explorerFiles: number;
}

/**
 * Compiles src/ into dist/ with esbuild, one output file per module, and builds the explorer
 * bundle. esbuild is the compiler `tsx` runs in development, so dist/ behaves as `npm start`
 * does: decorators are compiled as TypeScript's `experimentalDecorators` (read from
 * tsconfig.json) and, as in development, without design-type metadata; every type-graphql
 * decorator names its type explicitly, so none is needed. Type errors are `npm run typecheck`'s job.
 */
export async function buildDist(outdir: string = DIST_DIR): Promise<BuildResult> {
  const src = join(ROOT, "src");
  const entryPoints = (await readdir(src, { recursive: true }))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !BROWSER_ONLY.has(file))
    .map((file) => join(src, file));
  await rm(outdir, { recursive: true, force: true });
  const options: BuildOptions = {
    entryPoints,
    outbase: src,
    outdir,
    bundle: false,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true, // stack traces in the logs point at the TypeScript lines
    tsconfig: join(ROOT, "tsconfig.json"),
    logLevel: "error",
  };
  await build(options);
  const explorer = await ensureExplorerBundle();
  return { modules: entryPoints.length, explorerFiles: explorer.files.length };
}

/** Given a path inside the project, returns it relative to the root, for messages. */
export function projectPath(path: string): string {
  return relative(ROOT, path) || ".";
}
