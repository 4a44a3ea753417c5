// Streaming reader of a corpus file: splits the top-level JSON object into its records (each
// element of each top-level array) without ever holding the whole file as one string, which
// Node cannot do past ~512 MB. Each record's bytes are handed to the native JSON.parse.
import { open } from "node:fs/promises";
import { FileChangedError, fileVersion, sameVersion, type FileVersion } from "./fileVersion.js";

/** One piece of the top-level object, in file order. */
export type CorpusEntry =
  /** A top-level key whose value is an array; its elements follow as `item` entries. */
  | { kind: "array"; key: string }
  /** One element of the array under `key`, at position `index`. */
  | { kind: "item"; key: string; index: number; value: unknown }
  /** A top-level key whose value is not an array (such as `"version": 1`). */
  | { kind: "value"; key: string; value: unknown };

/** The file is not well-formed JSON; `path` is the JSON path of the record that breaks, or `$`. */
export class JsonSyntaxError extends Error {
  override readonly name = "JsonSyntaxError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes read at a time by default; a record cut by a read is completed by the next. */
export const CHUNK_BYTES = 4 << 20;

/**
 * Given a path to a JSON file holding one object (and, for tests, a chunk size that cuts
 * records anywhere), yields its top-level entries one by one:
 * each array element parsed on its own, so memory holds one chunk plus the records the caller
 * keeps. Throws {@link JsonSyntaxError} on malformed JSON (with the record's path when the
 * error is inside a record) and the file system's error when the file cannot be read.
 * Given `expected`, it also throws {@link FileChangedError} as soon as the file is not that
 * version: every entry it yields comes from bytes read while the file still was.
 */
export async function* readCorpusEntries(file: string, chunkBytes = CHUNK_BYTES, expected?: FileVersion): AsyncGenerator<CorpusEntry> {
  const scanner = new TopLevelScanner();
  const handle = await open(file, "r");
  try {
    // One buffer for the whole file: the unscanned tail moves to its front before each read, so
    // a record cut by a read is completed by the next one without allocating per chunk.
    let buf = Buffer.allocUnsafe(chunkBytes);
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        // A record longer than the buffer: grow it, keeping what is there.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, filled, Math.min(chunkBytes, buf.length - filled), null);
      const eof = bytesRead === 0;
      // Asked after the read: unchanged now means the bytes just read are the checked ones.
      // One fstat per chunk (4 MB by default) costs nothing next to parsing it.
      if (expected) {
        const now = await fileVersion(handle);
        if (!sameVersion(expected, now)) throw new FileChangedError(file, expected, now);
      }
      filled += bytesRead;
      const used = scanner.scan(buf.subarray(0, filled), eof);
      yield* scanner.drain(buf);
      if (eof) break;
      buf.copy(buf, 0, used, filled);
      filled -= used;
    }
  } finally {
    await handle.close();
  }
  scanner.finish();
}

// Byte values of JSON's structural characters.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

// Where the scanner is in the top-level object.
enum State {
  /** Before the opening `{`. */
  Start,
  /** After `{` or `,`: a key (or `}` right after `{`). */
  Key,
  /** After a key: the colon. */
  Colon,
  /** After the colon: the value. */
  Value,
  /** Inside a top-level array, before an element (or `]` right after `[`). */
  Element,
  /** Inside a top-level array, after an element: `,` or `]`. */
  AfterElement,
  /** After a top-level value: `,` or `}`. */
  AfterValue,
  /** After the closing `}`: only whitespace may follow. */
  End,
}

/** An array element the scanner found but has not parsed yet: its bytes in the buffer scanned. */
interface UnparsedItem {
  kind: "unparsed";
  key: string;
  index: number;
  start: number;
  end: number;
  /** Where it starts in the file, for error messages. */
  fileOffset: number;
}

// Private: the state machine over the top-level object. It consumes whole tokens only, so a
// token cut by a chunk boundary is simply scanned again with the next chunk appended.
class TopLevelScanner {
  private state = State.Start;
  private key = "";
  private index = 0;
  private sawKey = false;
  private offset = 0; // bytes of the file before the current buffer, for error messages
  // Entries found in the buffer; array elements as byte ranges, parsed only as they are handed
  // over: parsing a whole chunk's records up front kept hundreds of them alive while the
  // consumer worked through the first, so each young-generation GC copied them all again.
  private readonly out: (CorpusEntry | UnparsedItem)[] = [];

  /** Consumes every complete token of `buf`; returns how many bytes it used. */
  scan(buf: Buffer, eof: boolean): number {
    let pos = 0;
    const n = buf.length;
    for (;;) {
      pos = skipWhitespace(buf, pos);
      if (pos >= n) break;
      const c = buf[pos]!;
      switch (this.state) {
        case State.Start:
          if (c !== LBRACE) this.fail(pos, "the corpus must be one JSON object");
          this.state = State.Key;
          pos++;
          continue;
        case State.Key: {
          if (c === RBRACE && !this.sawKey) {
            this.state = State.End;
            pos++;
            continue;
          }
          if (c !== QUOTE) this.fail(pos, "expected a property name in double quotes");
          const end = stringEnd(buf, pos + 1);
          if (end < 0) return this.incomplete(pos, eof);
          this.key = JSON.parse(buf.toString("utf8", pos, end)) as string;
          this.sawKey = true;
          this.state = State.Colon;
          pos = end;
          continue;
        }
        case State.Colon:
          if (c !== COLON) this.fail(pos, "expected ':' after a property name");
          this.state = State.Value;
          pos++;
          continue;
        case State.Value:
          if (c === LBRACKET) {
            this.out.push({ kind: "array", key: this.key });
            this.index = 0;
            this.state = State.Element;
            pos++;
            continue;
          } else {
            const end = valueEnd(buf, pos, eof);
            if (end < 0) return this.incomplete(pos, eof);
            this.out.push({ kind: "value", key: this.key, value: this.parse(buf, pos, end, `$.${this.key}`) });
            this.state = State.AfterValue;
            pos = end;
            continue;
          }
        case State.Element: {
          if (c === RBRACKET && this.index === 0) {
            this.state = State.AfterValue;
            pos++;
            continue;
          }
          const end = valueEnd(buf, pos, eof);
          if (end < 0) return this.incomplete(pos, eof);
          this.out.push({ kind: "unparsed", key: this.key, index: this.index, start: pos, end, fileOffset: this.offset + pos });
          this.index++;
          this.state = State.AfterElement;
          pos = end;
          continue;
        }
        case State.AfterElement:
          if (c === COMMA) this.state = State.Element;
          else if (c === RBRACKET) this.state = State.AfterValue;
          else this.fail(pos, `expected ',' or ']' after $.${this.key}[${this.index - 1}]`);
          pos++;
          continue;
        case State.AfterValue:
          if (c === COMMA) this.state = State.Key;
          else if (c === RBRACE) this.state = State.End;
          else this.fail(pos, `expected ',' or '}' after $.${this.key}`);
          pos++;
          continue;
        case State.End:
          this.fail(pos, "unexpected text after the end of the corpus object");
      }
    }
    this.offset += pos;
    return pos;
  }

  /** Hands over the entries found so far in `buf` (the buffer just scanned, unchanged since). */
  *drain(buf: Buffer): Generator<CorpusEntry> {
    const entries = this.out.splice(0);
    for (const e of entries) {
      if (e.kind !== "unparsed") yield e;
      else
        yield { kind: "item", key: e.key, index: e.index, value: this.parse(buf, e.start, e.end, `$.${e.key}[${e.index}]`, e.fileOffset) };
    }
  }

  /** Throws unless the object was closed. */
  finish(): void {
    if (this.state !== State.End) this.fail(0, "unexpected end of the file: the corpus object is not closed");
  }

  // Private: the token at `pos` continues past the buffer; at the end of the file that is an error.
  private incomplete(pos: number, eof: boolean): number {
    if (eof) this.fail(pos, "unexpected end of the file inside a value");
    this.offset += pos;
    return pos;
  }

  // Private: parses one record's bytes; a syntax error names the record's path and where it starts
  // in the file (`fileOffset`, when the buffer has been scanned past since).
  private parse(buf: Buffer, start: number, end: number, path: string, fileOffset = this.offset + start): unknown {
    try {
      return JSON.parse(buf.toString("utf8", start, end));
    } catch (error) {
      throw new JsonSyntaxError(path, `${(error as Error).message} (in the value starting at byte ${fileOffset})`);
    }
  }

  // Private: throws a syntax error at a byte position of the file.
  private fail(pos: number, message: string): never {
    throw new JsonSyntaxError("$", `${message} (at byte ${this.offset + pos})`);
  }
}

// Private: the first position at or after `pos` that is not JSON whitespace.
function skipWhitespace(buf: Buffer, pos: number): number {
  const n = buf.length;
  while (pos < n) {
    const c = buf[pos]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    pos++;
  }
  return pos;
}

// Private: the position just past the closing quote of a string whose content starts at `pos`,
// or -1 when the buffer ends first. Jumps from quote to quote natively; a quote preceded by an
// odd number of backslashes is escaped and skipped.
function stringEnd(buf: Buffer, pos: number): number {
  for (;;) {
    const q = buf.indexOf(QUOTE, pos);
    if (q < 0) return -1;
    let slashes = 0;
    for (let k = q - 1; k >= pos && buf[k] === BACKSLASH; k--) slashes++;
    if ((slashes & 1) === 0) return q + 1;
    pos = q + 1;
  }
}

// Private: the position just past the JSON value starting at `pos`, or -1 when the buffer ends
// first. Only brackets and strings are tracked; JSON.parse checks everything else.
function valueEnd(buf: Buffer, pos: number, eof: boolean): number {
  const n = buf.length;
  const first = buf[pos]!;
  if (first === QUOTE) return stringEnd(buf, pos + 1);
  if (first !== LBRACE && first !== LBRACKET) {
    // A number or literal ends at the next delimiter.
    for (let j = pos; j < n; j++) {
      const c = buf[j]!;
      if (c === COMMA || c === RBRACKET || c === RBRACE || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return j;
    }
    return eof ? n : -1;
  }
  let depth = 0;
  for (let j = pos; j < n; j++) {
    const c = buf[j]!;
    if (c === QUOTE) {
      const end = stringEnd(buf, j + 1);
      if (end < 0) return -1;
      j = end - 1;
    } else if (c === LBRACE || c === LBRACKET) {
      depth++;
    } else if (c === RBRACE || c === RBRACKET) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}
