// Where a running PostgreSQL server keeps its files, in its own words: tests that check a
// throwaway cluster leaves nothing behind ask the server, not the class that started it.
import { dirname } from "node:path";
import pg from "pg";

/** Given a server URL, returns the parent of its data directory (the cluster's own directory). */
export async function serverDirectory(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return dirname(rows[0]!.data_directory);
  } finally {
    await client.end();
  }
}
