// The inputs a run names, as files: a file stands for itself, a folder for the article files
// in it (and below it), a glob ("wire/**/*.txt", quoted so the shell leaves it) for what it
// matches. Order is kept as given, each expansion sorted, and a file named twice is read once.
import { stat } from "node:fs/promises";
import { extname } from "node:path";
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
    const pattern = kind === "folder" ? `${input.replace(/\/+$/, "")}/**/*` : input;
    const found = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false }))
      .filter((f) => kind === "glob" || ARTICLE_EXTENSIONS.includes(extname(f).toLowerCase()))
      .sort();
    if (found.length === 0) {
      throw new IngestError(input, kind === "folder" ? `the folder holds no article files (${ARTICLE_EXTENSIONS.join(", ")})` : "the pattern matches no file");
    }
    files.push(...found);
  }
  return [...new Set(files)];
}
