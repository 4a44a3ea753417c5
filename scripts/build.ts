// `npm run build`: compiles the service into dist/ and bundles the explorer (tools/build/buildDist.ts),
// for `npm run start:prod`, which is `node dist/main.js`.
import { DIST_DIR, buildDist, projectPath } from "../tools/build/buildDist.js";

const started = performance.now();
const { modules, explorerFiles } = await buildDist();
console.log(
  `built ${projectPath(DIST_DIR)}/ (${modules} modules) and the explorer bundle (${explorerFiles} files) in ${Math.round(performance.now() - started)} ms; run it with \`node dist/main.js\``,
);
