// The variables limit: an operation's variables are measured (JSON size and nesting depth) before
// anything walks them, and refused with BAD_USER_INPUT naming the limit when over either. The walk
// is iterative and stops as soon as a limit is passed, so a hostile value costs at most the limit.
import { OperationLimitError, type OperationLimits } from "./limits.js";

/** The two variables limits, as {@link LIMITS} names them. */
export type VariablesLimits = Pick<OperationLimits, "maxVariablesBytes" | "maxVariablesDepth">;

/**
 * Given an operation's variables, returns nothing when they are within both limits, and throws an
 * {@link OperationLimitError} (code BAD_USER_INPUT, `extensions.limit` `variablesBytes` or
 * `variablesDepth`) when they are not. The size counted is that of the variables as JSON (UTF-8).
 */
export function assertVariablesWithinLimits(variables: unknown, limits: VariablesLimits): void {
  const { maxVariablesBytes: maxBytes, maxVariablesDepth: maxDepth } = limits;
  let bytes = 0;
  // An explicit stack, not recursion: a value 100,000 levels deep is a JSON body of 200 KB.
  const stack: [value: unknown, depth: number][] = [[variables, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value !== null && typeof value === "object") {
      if (depth + 1 > maxDepth) {
        throw new OperationLimitError(
          "variablesDepth",
          maxDepth,
          undefined,
          `The operation's variables are nested deeper than the limit of ${maxDepth} levels of arrays and objects. Send flatter variables.`,
        );
      }
      if (Array.isArray(value)) {
        bytes += 1 + value.length; // brackets and commas
        for (const item of value) stack.push([item, depth + 1]);
      } else {
        bytes += 1;
        for (const [key, item] of Object.entries(value)) {
          bytes += Buffer.byteLength(key) + 4; // quotes, colon, comma
          stack.push([item, depth + 1]);
        }
      }
    } else if (typeof value === "string") {
      bytes += Buffer.byteLength(value) + 2;
    } else {
      bytes += String(value).length;
    }
    if (bytes > maxBytes) {
      // Stopped early: the full size is at least this; say so rather than walk on.
      throw new OperationLimitError(
        "variablesBytes",
        maxBytes,
        undefined,
        `The operation's variables are larger than the limit of ${maxBytes} bytes (as JSON). Send smaller variables.`,
      );
    }
  }
}
