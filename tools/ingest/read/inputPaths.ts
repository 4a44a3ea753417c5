// The inputs a run names, as files: a file stands for itself, a folder for the article files
// in it (and below it), a glob ("wire/**/*.txt", quoted so the shell leaves it) for what it
// matches. Order is kept as given, each expansion sorted, and a file named twice is read once.
import { stat } from "node:fs/promises";
import { extname, isAbsolute, join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { IngestError } from "../IngestError.js";
import { ARTICLE_EXTENSIONS } from "./readArticle.js";

/**
 * Given the paths, folders and globs of a command line, returns the files they name. Throws an
 * {@link IngestError} naming a folder or glob that holds no article file.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const kind = await stat(input).then(
      (s) => (s.isDirectory() ? "folder" : "file"),
      () => (isDynamicPattern(input) ? "glob" : "file"),
    );
    if (kind === "file") {
      // A missing file is reported by the reader, with the other problems of its kind.
      files.push(input);
      continue;
    }
    // Files are named the way the input named them: under the folder given, or as absolute as the glob.
    const found = (
      kind === "folder"
        ? (await glob("**/*", { cwd: input, onlyFiles: true, expandDirectories: false }))
            .map((f) => join(input, f))
            .filter((f) => ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()))
        : await glob(input, { onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) })
    ).sort();
    if (found.length === 0) {
      throw new IngestError(
        input,
        kind === "folder" ? `the folder holds no article files (${ARTICLE_EXTENSIONS.join(", ")})` : "the pattern matches no file",
      );
    }
    files.push(...found);
  }
  return [...new Set(files)];
}
