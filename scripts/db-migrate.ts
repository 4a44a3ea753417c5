// `npm run db:migrate`: applies the SQL files in migrations/ that the database at DATABASE_URL
// (or --database-url) has not seen, in order. `npm run db:import` does this itself first.
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "../src/store/postgres/migrate.js";

const USAGE = `Usage: npm run db:migrate -- [--database-url URL]

Applies the migrations in migrations/ that the database has not seen, in order, each in its own
transaction. The database is --database-url, or DATABASE_URL when it is not given.`;

let values: { "database-url"?: string; help?: boolean };
try {
  ({ values } = parseArgs({ options: { "database-url": { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
} catch (error) {
  console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const url = values["database-url"] ?? process.env.DATABASE_URL;
if (!url) {
  console.error("error: no database: pass --database-url URL or set DATABASE_URL");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const applied = await migrate(pool);
  console.log(applied.length > 0 ? `applied ${applied.join(", ")}` : "the schema is current");
} catch (error) {
  console.error(`migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
