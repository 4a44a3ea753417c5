// Which version of a file a reader sees: device, inode, size and the modification and change
// times in nanoseconds. An importer that checked a file once reads it again without validating
// each record a second time, and relies on this instead to know it still reads the checked bytes.
// The limit is the file system's clock: Linux from 6.13 gives a change made after a stat a
// later time stamp; older kernels stamp in clock ticks (a few ms), so a same-size rewrite
// within the tick of the check's last stat would go unseen.
import { stat } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import type { BigIntStats } from "node:fs";

/** One version of a file, as `stat` sees it. */
export interface FileVersion {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** Changes on every write and cannot be set back by a user (unlike mtime, which `touch -d` sets). */
  ctimeNs: bigint;
}

/** Thrown when a file is no longer the version that was checked: what was read since may differ. */
export class FileChangedError extends Error {
  override readonly name = "FileChangedError";
  constructor(
    /** The file as the operator named it. */
    readonly file: string,
    /** What was checked, and what the file is now. */
    readonly checked: FileVersion,
    readonly now: FileVersion,
  ) {
    super(`${file} changed since it was checked (${describeChange(checked, now)})`);
  }
}

/** Given a path (or an open handle), resolves with the version of the file it names now. */
export async function fileVersion(file: string | FileHandle): Promise<FileVersion> {
  const s: BigIntStats = typeof file === "string" ? await stat(file, { bigint: true }) : await file.stat({ bigint: true });
  return { dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs };
}

/** Given two versions, says whether they are the same version of the same file. */
export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

// Private: what differs between two versions, for the error message.
function describeChange(a: FileVersion, b: FileVersion): string {
  if (a.dev !== b.dev || a.ino !== b.ino) return "it was replaced by another file";
  if (a.size !== b.size) return `size ${a.size} → ${b.size} bytes`;
  return "it was written to";
}
