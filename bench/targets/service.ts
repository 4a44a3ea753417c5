// Target: the service as shipped (src/server.ts over a MemoryStore), configured from the
// environment like `npm start`, on a free loopback port.   tsx bench/targets/service.ts CORPUS
import { pino } from "pino";
import { readConfig } from "../../src/ops/config.js";
import { startServer } from "../../src/server.js";
import { announce, loadStore } from "../target.js";

const config = { ...readConfig(process.env), port: 0, host: "127.0.0.1" };
const store = await loadStore(process.argv[2]!);
const server = await startServer({ store, config, logger: pino({ level: config.logLevel }) });
announce(server.port);
