// `npm run explorer:build` (and before `npm start` and `npm test`): bundles the GraphiQL explorer
// from node_modules into build/explorer/, or does nothing when the bundle there is current.
import { ensureExplorerBundle } from "../src/explorer/bundle.js";

const started = performance.now();
const bundle = await ensureExplorerBundle();
console.log(`explorer bundle: ${bundle.files.length} files in ${bundle.dir} (${Math.round(performance.now() - started)} ms)`);
