// People named in full: runs of capitalised words that a title introduces ("U.S. President
// Donald Trump") or that compromise tags as a name ("Shinzo Abe"). Ships named after people
// ("the aircraft carrier George Washington") are set apart so no later stage reads them as people.
import type { Mention, PersonFinding, RoleFinding } from "./findings.js";
import { isCalendarWord } from "./dates.js";
import type { SurfaceHit } from "./gazetteer.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Capitalised words that end a title before a name: "Prime Minister", "Trade Representative". */
export const TITLE_HEADS = new Set([
  "President", "Premier", "Minister", "Secretary", "Representative", "Chancellor", "Governor",
  "Ambassador", "King", "Queen", "Emperor", "Empress", "Prince", "Princess", "Chairman", "Chairwoman",
  "Chair", "Leader", "Senator", "Mayor", "Spokesman", "Spokeswoman", "Spokesperson", "Commissioner",
  "Envoy", "Speaker", "Pope", "Sultan", "Adviser", "Advisor", "Director", "Chief", "Vice",
]);

/** Words before a title that say whether it is held now: "new", "former", "late". */
export const ROLE_STATE_WORDS = new Set(["former", "late", "then", "ex", "outgoing", "new", "acting", "incoming", "interim", "current", "incumbent", "newly"]);
/** The state words that mean the role is no longer held. */
export const PAST_ROLE_WORDS = new Set(["former", "late", "then", "ex", "outgoing"]);

/** Nationalities whose names English copy writes family name first ("Xi Jinping" → "Xi"). */
const FAMILY_NAME_FIRST = new Set(["CN", "TW", "HK", "MO", "KP", "KR"]);

/** Nouns that introduce a vessel's name, and prefixes that mark one ("USS"). */
const VESSEL_NOUNS = new Set(["carrier", "destroyer", "ship", "vessel", "submarine", "frigate", "cruiser", "warship", "battleship", "icebreaker", "tanker", "liner", "yacht", "freighter"]);
const VESSEL_PREFIXES = new Set(["USS", "HMS", "JS", "INS", "HMAS", "HMCS", "RFS", "ROKS"]);

/** Capitalised words that make a run an institution, place or thing rather than a person. */
const NOT_A_NAME = new Set([
  "House", "Ministry", "Office", "Department", "Agency", "Council", "Party", "Bank", "University", "College",
  "School", "Co", "Corp", "Inc", "Ltd", "Group", "Force", "Navy", "Army", "Guard", "Fund", "Organization",
  "Organisation", "Union", "Nations", "Association", "Summit", "Forum", "Commission", "Committee", "Parliament",
  "Congress", "Senate", "Assembly", "Diet", "Airport", "Station", "Street", "Avenue", "Bridge", "Park", "Hall",
  "Center", "Centre", "Museum", "Stadium", "Sea", "Ocean", "Strait", "Island", "Islands", "River", "Mountain",
  "Peninsula", "Times", "Post", "News", "Press", "Agreement", "Partnership", "Strategy", "Technologies", "Motor",
  "Motors", "Airlines", "Airways", "Institute", "Foundation", "Exchange", "Court", "Palace", "Square", "Tower",
  "Hotel", "Church", "Temple", "Shrine", "One", "Road", "Day", "Week", "Games", "Olympics", "Cup", "Prize",
  "Award", "Act", "Law", "Treaty", "Accord", "Pact", "Initiative", "Plan", "Program", "Programme", "Project",
  "Company", "Corporation", "Holdings", "Industries", "Electric", "Media", "Service", "Services", "Network",
]);

/** Lower-case titles news copy puts between an institution and a name ("Foreign Ministry spokesman Lin Jian"). */
const LOWER_CASE_TITLES = new Set(["spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "ambassador", "envoy", "chairman", "chairwoman", "president", "governor", "adviser", "advisor", "director"]);

const NAME_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName"];
/** Tags of words that open sentences but never names ("With Trump demanding…" is not a name). */
const FUNCTION_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Verb", "QuestionWord", "Value"];

/** A title followed by a surname alone ("President Trump"): resolved once full names are known. */
export interface TitledSurname {
  surname: string;
  role: RoleFinding;
  mention: Mention;
}

/** What the name finder returns: people named in full, titled surnames, and vessels' names. */
export interface NamedPeople {
  people: PersonFinding[];
  titledSurnames: TitledSurname[];
  /** Names of ships and the like: neither people nor countries. */
  vessels: Span[];
}

/**
 * Given an analysed body and its gazetteer hits, returns the people it names in full with the
 * roles their titles state, titled surnames, and the spans of vessel names.
 */
export function findNamedPeople(text: AnalysedText, hits: SurfaceHit[]): NamedPeople {
  const hitAt = new Map(hits.map((h) => [h.start, h]));
  const byName = new Map<string, PersonFinding>();
  const titledSurnames: TitledSurname[] = [];
  const vessels: Span[] = [];
  const standalone = standaloneWords(text);

  let previousRun: Word[] = [];
  for (const run of capitalisedRuns(text)) {
    const runBefore = previousRun;
    previousRun = run;
    const first = run[0][0];
    const before = text.tokens[first.index - 1];
    const sameSentenceBefore = before !== undefined && before.sentence === first.sentence ? before : undefined;
    if (VESSEL_PREFIXES.has(first.text) || (sameSentenceBefore !== undefined && VESSEL_NOUNS.has(sameSentenceBefore.lower))) {
      vessels.push(spanOfWords(text, run[0], run[run.length - 1]));
      continue;
    }

    const head = titleHead(run);
    if (head !== null) {
      const nameWords = run.slice(head + 1, head + 4);
      if (!nameWords.every((w) => nameLike(w, hitAt))) continue;
      const role = roleOf(text, run.slice(0, head + 1), hits);
      const mention = { ...spanOfWords(text, nameWords[0], nameWords[nameWords.length - 1]), sentence: first.sentence };
      if (nameWords.length === 1) {
        titledSurnames.push({ surname: mention.text, role, mention });
        continue;
      }
      addPerson(byName, mention, role);
      continue;
    }

    // A lower-case title after an institution: "Chinese Foreign Ministry spokesman Lin Jian".
    if (sameSentenceBefore !== undefined && LOWER_CASE_TITLES.has(sameSentenceBefore.text) && sameSentenceBefore.after === " " && run.length <= 3 && run.every((w) => nameLike(w, hitAt))) {
      const lastBefore = runBefore.at(-1)?.at(-1);
      const institution = lastBefore !== undefined && lastBefore.index === sameSentenceBefore.index - 1 && lastBefore.after === " " ? runBefore : [];
      const role = roleOf(text, [...institution, [sameSentenceBefore]], hits);
      const mention = { ...spanOfWords(text, run[0], run[run.length - 1]), sentence: first.sentence };
      if (run.length === 1) titledSurnames.push({ surname: mention.text, role, mention });
      else addPerson(byName, mention, role);
      continue;
    }

    if (run.length < 2 || run.length > 3) continue;
    if (!run.every((w) => nameLike(w, hitAt) && !w.some((t) => FUNCTION_TAGS.some((tag) => t.tags.has(tag))))) continue;
    const tagged = run.some((w) => w.some((t) => NAME_TAGS.some((tag) => t.tags.has(tag))));
    const surnameRecurs = (standalone.get(wordText(text, run[run.length - 1])) ?? 0) > 0;
    if (!tagged && !surnameRecurs) continue;
    if (run.some((w) => w.some((t) => t.tags.has("Organization") || t.tags.has("Place")) && !w.some((t) => NAME_TAGS.some((tag) => t.tags.has(tag))))) continue;
    addPerson(byName, { ...spanOfWords(text, run[0], run[run.length - 1]), sentence: first.sentence }, null);
  }
  return { people: [...byName.values()], titledSurnames, vessels };
}

/** Given a full name and nationality, returns the short form later sentences use for the person. */
export function familyName(name: string, nationality: string | null): string {
  const parts = name.split(" ");
  return nationality !== null && FAMILY_NAME_FIRST.has(nationality) ? parts[0] : parts[parts.length - 1];
}

/** Given a title as written ("prime minister", "Foreign Minister"), returns it in title case. */
export function normaliseTitle(title: string): string {
  return title
    .split(/\s+/)
    .map((w) => (/^(of|for|and|the)$/i.test(w) ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join(" ");
}

// Private: a word is one token, or tokens joined by hyphens ("Jae-in", "Japan-U.S.").
type Word = Token[];

// Private: runs of capitalised words inside a sentence, joined by single spaces. A possessive
// ends a run ("Japan's | new Prime Minister…"), and so does any punctuation.
function capitalisedRuns(text: AnalysedText): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < text.tokens.length; i++) {
    const word: Word = [text.tokens[i]];
    while (text.tokens[i].after === "-" && i + 1 < text.tokens.length && text.tokens[i + 1].sentence === text.tokens[i].sentence) {
      word.push(text.tokens[++i]);
    }
    const head = word[0];
    const last = word[word.length - 1];
    if (!isCapitalised(head)) {
      flush();
      continue;
    }
    if (run.length > 0 && run[run.length - 1][0].sentence !== head.sentence) flush();
    run.push(word);
    if (last.possessive || last.after !== " ") flush();
  }
  flush();
  return runs;
}

// Private: index of the last title word in a run that has name words after it.
function titleHead(run: Word[]): number | null {
  for (let j = run.length - 2; j >= 0; j--) {
    const w = run[j];
    if (w.length === 1 && TITLE_HEADS.has(w[0].text) && w[0].text !== "Vice" && w[0].text !== "Chief") return j;
    if (w.length === 2 && w[0].text === "Secretary" && w[1].text === "General") return j;
  }
  return null;
}

// Private: the role title words state, with the country from a leading demonym or name
// ("U.S. President", "South Korean President", "Chinese Foreign Ministry spokesman") or a
// possessive or demonym before them ("Japan's new Prime Minister"). `words` end with the head.
function roleOf(text: AnalysedText, words: Word[], hits: SurfaceHit[]): RoleFinding {
  let country: string | null = null;
  let current = true;
  let titleStart = 0;
  const last = words.length - 1;
  while (titleStart < last) {
    const w = words[titleStart];
    const hit = hits.find((h) => h.start === w[0].start && h.kind !== "capital");
    if (hit !== undefined) {
      country = hit.code;
      while (titleStart < last && words[titleStart][0].start < hit.end) titleStart++;
      continue;
    }
    if (!ROLE_STATE_WORDS.has(w[0].lower)) break;
    if (PAST_ROLE_WORDS.has(w[0].lower)) current = false;
    titleStart++;
  }
  // Before the title: lower-case state words, then a possessive or demonym naming the country.
  const first = words[0][0];
  for (let i = first.index - 1; i >= 0 && text.tokens[i].sentence === first.sentence; i--) {
    const t = text.tokens[i];
    if (ROLE_STATE_WORDS.has(t.lower)) {
      if (PAST_ROLE_WORDS.has(t.lower)) current = false;
      continue;
    }
    const hit = hits.find((h) => h.end === t.end && h.kind !== "capital");
    if (country === null && hit !== undefined && (t.possessive || hit.kind === "demonym")) country = hit.code;
    break;
  }
  const title = text.body.slice(words[titleStart][0].start, words[last][words[last].length - 1].end);
  return { title: normaliseTitle(title), country, current };
}

// Private: whether a word can be part of a person's name: capitalised letters, not a title,
// calendar word, institution word, or a country's name or demonym (a capital can be a surname).
function nameLike(word: Word, hitAt: Map<number, SurfaceHit>): boolean {
  const first = word[0];
  if (!/^\p{Lu}[\p{Ll}'’]+$/u.test(first.text)) return false;
  if (word.slice(1).some((t) => !/^\p{L}+$/u.test(t.text))) return false;
  if (TITLE_HEADS.has(first.text) || NOT_A_NAME.has(first.text) || isCalendarWord(first.lower)) return false;
  const hit = hitAt.get(first.start);
  return hit === undefined || hit.kind === "capital";
}

function addPerson(byName: Map<string, PersonFinding>, mention: Mention, role: RoleFinding | null): void {
  const name = mention.text.replace(/\s+/g, " ");
  let person = byName.get(name);
  if (person === undefined) {
    person = { name, alias: "", nationality: null, roles: [], description: null, mentions: [] };
    byName.set(name, person);
  }
  person.mentions.push(mention);
  if (role !== null && !person.roles.some((r) => r.title === role.title && r.country === role.country)) person.roles.push(role);
  person.nationality ??= person.roles.find((r) => r.country !== null)?.country ?? null;
  person.alias = familyName(name, person.nationality);
}

// Private: how often each capitalised word stands alone (no capitalised neighbour joined by a
// space) — a surname that recurs alone marks the run it ends as a person's name.
function standaloneWords(text: AnalysedText): Map<string, number> {
  const counts = new Map<string, number>();
  text.tokens.forEach((t, i) => {
    if (!isCapitalised(t)) return;
    const prev = text.tokens[i - 1];
    const next = text.tokens[i + 1];
    const joinedBefore = prev !== undefined && prev.sentence === t.sentence && prev.after === " " && !prev.possessive && isCapitalised(prev);
    const joinedAfter = next !== undefined && next.sentence === t.sentence && t.after === " " && !t.possessive && isCapitalised(next);
    if (!joinedBefore && !joinedAfter) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
  });
  return counts;
}

function wordText(text: AnalysedText, word: Word): string {
  return text.body.slice(word[0].start, word[word.length - 1].end);
}

function spanOfWords(text: AnalysedText, from: Word, to: Word): Span {
  const start = from[0].start;
  const end = to[to.length - 1].end;
  return { start, end, text: text.body.slice(start, end) };
}
