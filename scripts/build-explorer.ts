// `npm run explorer:build` (and before `npm start` and `npm test`): bundles the GraphiQL explorer
// from node_modules into build/explorer/, or does nothing when the bundle there is current.
import { ConfigError, readConfig } from "../src/ops/config.js";
import { ensureExplorerBundle } from "../src/http/explorer/bundle.js";

/** True when the environment turns the explorer off; a bad value is main.ts's to report, so build. */
function explorerOff(): boolean {
  try {
    return !readConfig().explorer;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

// A production start with the explorer off should not spend seconds bundling a page it never serves.
if (process.env.npm_lifecycle_event === "prestart" && explorerOff()) {
  console.log("explorer off (EXPLORER=off or NODE_ENV=production): not bundling it");
} else {
  const started = performance.now();
  const bundle = await ensureExplorerBundle();
  console.log(`explorer bundle: ${bundle.files.length} files in ${bundle.dir} (${Math.round(performance.now() - started)} ms)`);
}
