// A process that starts throwaway PostgreSQL servers and prints them (one JSON line), for
// temporary-cluster.test.ts to see what becomes of them when this process ends. `standby` adds a
// hot standby of the first server; `wait` keeps running until killed, otherwise the process ends
// as soon as they are up, without calling stop().
import { TemporaryCluster } from "../../tools/cluster/TemporaryCluster.js";
import { serverDirectory } from "./serverDirectory.js";

const primary = await TemporaryCluster.start();
const clusters = [primary];
if (process.argv.includes("standby")) clusters.push(await TemporaryCluster.standbyOf(primary.url));
const printed = [];
for (const cluster of clusters) printed.push({ pid: cluster.pid, directory: await serverDirectory(cluster.url) });
console.log(JSON.stringify(printed));
if (process.argv.includes("wait")) setInterval(() => undefined, 1 << 30);
