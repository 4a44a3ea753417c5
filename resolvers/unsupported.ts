// A store that does not offer a lookup yet (see UnsupportedLookupError) answers with an error a
// client can switch on, NOT_IMPLEMENTED, rather than a bare internal error.
import { GraphQLError } from "graphql";
import { UnsupportedLookupError } from "../src/store/UnsupportedLookupError.js";

/** Given a store call, returns its result, or throws NOT_IMPLEMENTED when the store does not support it. */
export async function reportUnsupported<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UnsupportedLookupError) throw new GraphQLError(error.message, { extensions: { code: "NOT_IMPLEMENTED" } });
    throw error;
  }
}
