// `npm run db:migrate`: applies the SQL files in migrations/ that the database at DATABASE_URL
// (or --database-url) has not seen, in order. `npm run db:import` does this itself first.
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "../src/store/postgres/migrate.js";

const { values } = parseArgs({ options: { "database-url": { type: "string" } }, strict: true });
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
