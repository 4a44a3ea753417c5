// SIGHUP under STORE=postgres: the data is already live (imports commit straight into the
// database), so a "reload" only re-reads which import is latest and swaps in a store with that version.
import type { Logger } from "pino";
import type { CorpusReloader } from "./lifecycle.js";
import type { RunningServer } from "../server.js";
import type { PostgresStore } from "../store/postgres/PostgresStore.js";

/** Returns a reloader that refreshes the serving PostgresStore's version; it never reads a corpus file. */
export function createVersionReloader(server: Pick<RunningServer, "setStore" | "store">, logger: Logger): CorpusReloader {
  return {
    async reload(reason) {
      try {
        const store = await (server.store() as PostgresStore).reopen();
        server.setStore(store);
        logger.info({ reason, version: store.version }, "database version refreshed");
        return "applied";
      } catch (error) {
        logger.error({ reason, err: error }, "could not read the database version; the previous one keeps serving");
        return "rejected";
      }
    },
  };
}
