// The name of a source as the corpus records it, from how copy names it: a dateline's agency
// ("(AP)", "(Reuters)"), a copyright holder ("kyodonews", "2025 The Associated Press. All rights
// reserved."), a page's publisher or an item's copyright holder.
import { foldText } from "../../../src/text/fold.js";

/** Agencies and publishers by the forms copy uses for them, folded; values are corpus names. */
const KNOWN: Record<string, string> = {
  ap: "Associated Press",
  "associated press": "Associated Press",
  "the associated press": "Associated Press",
  reuters: "Reuters",
  "thomson reuters": "Reuters",
  afp: "AFP",
  "agence france-presse": "AFP",
  "agence france presse": "AFP",
  kyodo: "Kyodo News",
  kyodonews: "Kyodo News",
  "kyodo news": "Kyodo News",
  jiji: "Jiji Press",
  "jiji press": "Jiji Press",
  xinhua: "Xinhua",
  yonhap: "Yonhap",
  bloomberg: "Bloomberg",
  dpa: "dpa",
  ani: "ANI",
  pti: "PTI",
  ians: "IANS",
  bernama: "Bernama",
  efe: "EFE",
  ansa: "ANSA",
  tass: "TASS",
  "al jazeera": "Al Jazeera",
  npr: "NPR",
  "swissinfo.ch": "swissinfo.ch",
  swissinfo: "swissinfo.ch",
};

/**
 * Given an agency as a dateline writes it ("AP", "Reuters"), returns the source name, or null
 * for a parenthesis that names no agency.
 */
export function sourceOfAgency(agency: string | null): string | null {
  if (agency === null) return null;
  const known = KNOWN[foldText(agency).trim()];
  if (known !== undefined) return known;
  // An unknown agency is still a name ("(Nikkei)"); a date or a note in parentheses is not.
  return /^\p{Lu}[\p{L}.&' -]*$/u.test(agency) && !/^(?:updated?|file|photo|video|corrected|refile)$/i.test(agency) ? agency : null;
}

/**
 * Given a copyright notice ("Copyright kyodonews", "© 2025 Reuters. All rights reserved."),
 * returns its holder as a source name, or null when it names none.
 */
export function sourceOfCopyright(notice: string | null): string | null {
  if (notice === null) return null;
  const holder = notice
    .replace(/^(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*/i, "")
    .replace(/[.,;]?\s*all rights reserved\.?.*$/i, "")
    .replace(/\s*[|·].*$/, "")
    .replace(/[.,;\s]+$/, "")
    .trim();
  return holder === "" ? null : sourceOfName(holder);
}

/**
 * Given a publisher's or holder's name as metadata gives it ("Reuters", "kyodonews", "The
 * Associated Press"), returns the corpus name: known agencies by their usual name, others as given.
 */
export function sourceOfName(name: string | null | undefined): string | null {
  const trimmed = name?.replace(/\s+/g, " ").trim();
  if (!trimmed) return null;
  const known = KNOWN[foldText(trimmed)];
  if (known !== undefined) return known;
  // Wire services write their handle ("kyodonews"); the corpus wants the name ("Kyodo News").
  const handle = /^([a-z]+)(news)$/i.exec(trimmed);
  if (handle) return `${title(handle[1])} ${title(handle[2])}`;
  return trimmed;
}

function title(word: string): string {
  return word[0].toUpperCase() + word.slice(1).toLowerCase();
}
