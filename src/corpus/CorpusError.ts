// The one error type a bad corpus produces: it names the file and, for each problem,
// the JSON path and what is wrong there, so a person can fix the input without a debugger.

/** One broken rule: where in the file (a JSON path such as `$.articles[0].mentions[2].end`) and why. */
export interface CorpusProblem {
  path: string;
  reason: string;
}

/** Thrown when a corpus file cannot be read, parsed or validated. Nothing of that file is served. */
export class CorpusError extends Error {
  override readonly name = "CorpusError";

  constructor(
    /** The corpus file as the operator named it. */
    readonly file: string,
    /** Every problem found, in file order (capped by the validator). */
    readonly problems: CorpusProblem[],
  ) {
    super(`Invalid corpus ${file}:\n${problems.map((p) => `  at ${p.path}: ${p.reason}`).join("\n")}`);
  }
}
