// Target: the service as shipped over the PostgreSQL store (STORE=postgres), configured from the
// environment like `npm start` (DATABASE_URL, DATABASE_REPLICA_URLS), on a free loopback port.
//   DATABASE_URL=… tsx bench/targets/service-postgres.ts
import { pino } from "pino";
import { readConfig } from "../../src/ops/config.js";
import { startServer } from "../../src/server.js";
import { PostgresStore } from "../../src/store/postgres/PostgresStore.js";
import { announce } from "../target.js";

const config = { ...readConfig({ ...process.env, STORE: "postgres" }), port: 0, host: "127.0.0.1" };
const store = await PostgresStore.open({
  primary: config.databaseUrl!,
  replicas: config.databaseReplicaUrls,
  poolSize: config.databasePoolSize,
});
const server = await startServer({ store, config, logger: pino({ level: config.logLevel }) });
announce(server.port);
