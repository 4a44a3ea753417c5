// The error ingestion raises for input it cannot use: it names the file and says what is wrong,
// so the command can print one line and stop without touching the corpus.

/** Thrown when an article, a corpus or an option cannot be ingested. */
export class IngestError extends Error {
  override readonly name = "IngestError";

  constructor(
    /** The file as the operator named it (or the option, for bad options). */
    readonly file: string,
    /** What is wrong, in words a newsroom editor can act on. */
    readonly reason: string,
  ) {
    super(`Cannot ingest ${file}: ${reason}`);
  }
}
