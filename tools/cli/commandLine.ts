// What the command lines in scripts/ share: strict option parsing whose mistakes are one line and
// exit code 2 (bad usage) rather than node's stack trace, and one-line messages for a port that
// cannot be listened on, naming the option that moves it.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** The options of a command, as node's parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses `process.argv` strictly (unknown options, missing values and stray arguments are
 * mistakes). On a mistake, prints `<command>: <what is wrong> <usage>` on one line to stderr and
 * exits 2; otherwise returns the option values.
 */
export function parseCommandLine<const T extends CommandOptions>(command: string, options: T, usage: string, args = process.argv.slice(2)) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = commandLineMistake(error);
    if (message === null) throw error;
    console.error(`${command}: ${message} ${usage}`);
    process.exit(2);
  }
}

/** Given what parseArgs threw, returns its first sentence, or null when it is not a usage mistake. */
export function commandLineMistake(error: unknown): string | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return null;
  const message = (error as Error).message;
  const sentence = /^.*?[.](?=\s|$)/.exec(message)?.[0] ?? message;
  return sentence.replace(/\s+/g, " ").replace(/([^.])$/, "$1.");
}

/**
 * Given an error from listening on `port`, returns one line saying the port is taken (or not
 * allowed) and `how` to choose another, or null for any other error.
 */
export function listenFailure(error: unknown, port: number, host: string, how: string): string | null {
  const code = (error as { code?: unknown }).code;
  if (code === "EADDRINUSE") return `port ${port} on ${host} is already in use (EADDRINUSE): ${how}, or stop what holds it.`;
  if (code === "EACCES") return `port ${port} on ${host} needs privileges this process lacks (EACCES): ${how}.`;
  if (code === "EADDRNOTAVAIL")
    return `${host} is not an address of this machine (EADDRNOTAVAIL), so port ${port} cannot be listened on there.`;
  return null;
}
