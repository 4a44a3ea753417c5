// People named in full: runs of capitalised words, particles and suffixes kept ("Ursula von der
// Leyen", "Martin Luther King Jr."), that a title introduces ("U.S. President Donald Trump",
// "British leader Keir Starmer"), that compromise tags as a name ("Shinzo Abe") or that are
// known people. Ships named after people ("the aircraft carrier George Washington") are set
// apart so no later stage reads them as people.
import type { Mention, OrganizationFinding, PersonFinding, RoleFinding } from "./findings.js";
import { isCalendarWord } from "./dates.js";
import type { SurfaceHit } from "./gazetteer.js";
import type { KnownPeople } from "./knownPeople.js";
import { isTitleHead, nationalTitle, normaliseTitle, roleAfterName, roleEndingAt, type RoleContext } from "./roles.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Lower-case particles that sit inside a name: "Ursula von der Leyen", "Luiz Inacio Lula da Silva", "Mohammed bin Salman". */
export const NAME_PARTICLES = new Set([
  "von",
  "van",
  "der",
  "den",
  "de",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "du",
  "del",
  "della",
  "bin",
  "binti",
  "ibn",
  "al",
  "el",
  "ter",
  "zu",
]);
/** Suffixes that end a name: "Martin Luther King Jr.", "Ferdinand Marcos Jr.". */
const NAME_SUFFIXES = new Set(["Jr", "Sr", "II", "III", "IV"]);

/** Nationalities whose names English copy writes family name first ("Xi Jinping" → "Xi"). */
const FAMILY_NAME_FIRST = new Set(["CN", "TW", "HK", "MO", "KP", "KR"]);

/** Nouns that introduce a vessel's name, and prefixes that mark one ("USS"). */
const VESSEL_NOUNS = new Set([
  "carrier",
  "destroyer",
  "ship",
  "vessel",
  "submarine",
  "frigate",
  "cruiser",
  "warship",
  "battleship",
  "icebreaker",
  "tanker",
  "liner",
  "yacht",
  "freighter",
]);
const VESSEL_PREFIXES = new Set(["USS", "HMS", "JS", "INS", "HMAS", "HMCS", "RFS", "ROKS"]);

/** Capitalised words that make a run an institution, place or thing rather than a person. */
const NOT_A_NAME = new Set([
  "House",
  "Ministry",
  "Office",
  "Department",
  "Agency",
  "Council",
  "Party",
  "Bank",
  "University",
  "College",
  "School",
  "Co",
  "Corp",
  "Inc",
  "Ltd",
  "Group",
  "Force",
  "Navy",
  "Army",
  "Guard",
  "Fund",
  "Organization",
  "Organisation",
  "Union",
  "Nations",
  "Association",
  "Summit",
  "Forum",
  "Commission",
  "Committee",
  "Parliament",
  "Congress",
  "Senate",
  "Assembly",
  "Diet",
  "Airport",
  "Station",
  "Street",
  "Avenue",
  "Bridge",
  "Park",
  "Hall",
  "Center",
  "Centre",
  "Museum",
  "Stadium",
  "Sea",
  "Ocean",
  "Strait",
  "Island",
  "Islands",
  "River",
  "Mountain",
  "Peninsula",
  "Times",
  "Post",
  "News",
  "Press",
  "Agreement",
  "Partnership",
  "Strategy",
  "Technologies",
  "Motor",
  "Motors",
  "Airlines",
  "Airways",
  "Institute",
  "Foundation",
  "Exchange",
  "Court",
  "Palace",
  "Square",
  "Tower",
  "Hotel",
  "Church",
  "Temple",
  "Shrine",
  "One",
  "Road",
  "Day",
  "Week",
  "Games",
  "Olympics",
  "Cup",
  "Prize",
  "Award",
  "Act",
  "Law",
  "Treaty",
  "Accord",
  "Pact",
  "Initiative",
  "Plan",
  "Program",
  "Programme",
  "Project",
  "Company",
  "Corporation",
  "Holdings",
  "Industries",
  "Electric",
  "Media",
  "Service",
  "Services",
  "Network",
]);

const NAME_TAGS = ["Person", "FirstName", "LastName", "MaleName", "FemaleName"];
/** Tags of words that open sentences but never names ("With Trump demanding…" is not a name). */
const FUNCTION_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "Verb", "QuestionWord", "Value"];
/** The most capitalised words a name has ("Luiz Inacio Lula da Silva" has four, particles aside). */
const LONGEST_NAME = 4;

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
 * Given an analysed body, its country hits, the organizations found in it and the people known
 * beforehand, returns the people it names in full with the roles their titles state (before the
 * name or in an appositive after it), titled surnames, and the spans of vessel names.
 */
export function findNamedPeople(
  text: AnalysedText,
  hits: SurfaceHit[],
  organizations: OrganizationFinding[],
  known: KnownPeople,
): NamedPeople {
  const hitAt = new Map(hits.map((h) => [h.start, h]));
  const orgSpans = organizations.flatMap((o) => o.mentions);
  const context: RoleContext = { hits, organizations };
  const byName = new Map<string, PersonFinding>();
  const titledSurnames: TitledSurname[] = [];
  const vessels: Span[] = [];
  const standalone = standaloneWords(text);

  for (const run of capitalisedRuns(text)) {
    const first = run[0][0];
    const before = text.tokens[first.index - 1];
    const sameSentenceBefore = before !== undefined && before.sentence === first.sentence ? before : undefined;
    if (VESSEL_PREFIXES.has(first.text) || (sameSentenceBefore !== undefined && VESSEL_NOUNS.has(sameSentenceBefore.lower))) {
      vessels.push(spanOfWords(text, run[0], run[run.length - 1]));
      continue;
    }

    const head = titleHead(run);
    let nameWords = head === null ? run : run.slice(head + 1);
    // "Coordinating Minister for Economic Affairs Airlangga Hartarto", "Secretary of State Marco Rubio".
    const complement = head === null ? complementOf(text, run, sameSentenceBefore) : null;
    if (complement !== null) nameWords = run.slice(complement.words);
    // A lone name word with no title and nothing before it in its sentence gives no person.
    if (
      head === null &&
      complement === null &&
      sameSentenceBefore === undefined &&
      nameWords.filter((w) => !isParticle(w) && !isSuffix(w)).length < 2
    )
      continue;
    if (!validName(nameWords, hitAt)) continue;
    const mention: Mention = { ...nameSpan(text, nameWords), sentence: first.sentence };
    if (orgSpans.some((o) => mention.start < o.end && mention.end > o.start)) continue;
    const capitals = nameWords.filter((w) => !isParticle(w) && !isSuffix(w)).length;

    let role: RoleFinding | null = null;
    if (head !== null) {
      role = roleEndingAt(text, run[head][run[head].length - 1], context).role;
    } else if (complement !== null) {
      const base = roleEndingAt(text, complement.head, context).role;
      const end = run[complement.words - 1];
      const title = normaliseTitle(`${base.title} ${text.body.slice(sameSentenceBefore!.start, end[end.length - 1].end)}`);
      role = { ...base, title, country: base.country ?? nationalTitle(title) };
    } else if (
      sameSentenceBefore !== undefined &&
      /^,\s+$/.test(sameSentenceBefore.after) &&
      closesAppositive(text, nameWords) &&
      titledBody(text, sameSentenceBefore, context) !== null
    ) {
      // "A spokesperson for the European Commission, Olof Gill, said".
      role = titledBody(text, sameSentenceBefore, context);
    } else if (sameSentenceBefore !== undefined && isTitleHead(sameSentenceBefore) && sameSentenceBefore.after === " ") {
      // A lower-case title: "British leader Keir Starmer", "Foreign Ministry spokesman Lin Jian".
      role = roleEndingAt(text, sameSentenceBefore, context).role;
    } else if (
      sameSentenceBefore !== undefined &&
      isTitleHead(sameSentenceBefore) &&
      /^,\s+$/.test(sameSentenceBefore.after) &&
      closesAppositive(text, nameWords)
    ) {
      // A title set off before the name: "the presidential spokesman, Hasan Nasbi, said".
      const found = roleEndingAt(text, sameSentenceBefore, context);
      const opener = text.tokens.find(
        (t) => t.end <= found.start && t.sentence === first.sentence && text.tokens[t.index + 1]?.start >= found.start,
      );
      if ((opener !== undefined && /^(the|a|an|his|her|their|its)$/.test(opener.lower)) || found.role.country !== null) role = found.role;
    }

    if (role !== null) {
      if (capitals === 1) {
        titledSurnames.push({ surname: mention.text, role, mention });
        continue;
      }
      addPerson(byName, mention, role, known);
      addAppositiveRole(byName, text, nameWords, context);
      // "Australia's ambassador to the United States, former Prime Minister Kevin Rudd,": two titles.
      if (head !== null && closesAppositive(text, nameWords)) {
        const earlier = titleBeforeComma(text, roleEndingAt(text, run[head][run[head].length - 1], context).start, context);
        const person = byName.get(mention.text.replace(/\s+/g, " "))!;
        if (earlier !== null && !person.roles.some((r) => r.title === earlier.title)) person.roles.push(earlier);
      }
      continue;
    }

    if (capitals < 2) continue;
    if (!nameWords.every((w) => isParticle(w) || isSuffix(w) || !w.some((t) => FUNCTION_TAGS.some((tag) => t.tags.has(tag))))) continue;
    const isKnown = known.byName(mention.text.replace(/\s+/g, " ")) !== undefined;
    const tagged = nameWords.some((w) => w.some((t) => NAME_TAGS.some((tag) => t.tags.has(tag))));
    const surnameRecurs = (standalone.get(wordText(text, lastNameWord(nameWords))) ?? 0) > 0;
    const particled = nameWords.some(isParticle);
    if (!isKnown && !tagged && !surnameRecurs && !particled) continue;
    if (
      !isKnown &&
      nameWords.some(
        (w) => w.some((t) => t.tags.has("Organization") || t.tags.has("Place")) && !w.some((t) => NAME_TAGS.some((tag) => t.tags.has(tag))),
      )
    )
      continue;
    addPerson(byName, mention, null, known);
    addAppositiveRole(byName, text, nameWords, context);
  }
  return { people: [...byName.values()], titledSurnames, vessels };
}

/**
 * Given a full name and nationality, returns the short form later sentences use for the person:
 * the family name, with its particles ("von der Leyen"), without a suffix ("King" for "Martin
 * Luther King Jr."), first for nationalities that write it first ("Xi" for "Xi Jinping").
 */
export function familyName(name: string, nationality: string | null): string {
  const parts = name.split(" ").filter((w) => !NAME_SUFFIXES.has(w.replace(/\.$/, "")));
  if (nationality !== null && FAMILY_NAME_FIRST.has(nationality)) return parts[0];
  const particle = parts.findIndex((w, i) => i > 0 && i < parts.length - 1 && NAME_PARTICLES.has(w));
  return particle > 0 ? parts.slice(particle).join(" ") : parts[parts.length - 1];
}

export { normaliseTitle };

// Private: a word is one token, or tokens joined by hyphens ("Jae-in", "Japan-U.S.").
type Word = Token[];

// Private: runs of capitalised words inside a sentence, joined by single spaces, with the
// particles names carry ("von der", "da") inside them. A possessive ends a run ("Japan's | new
// Prime Minister…"), and so does any punctuation. A lower-case prefix joined by a hyphen
// ("then-Prime", "ex-President") is not part of the run: the title starts after it.
function capitalisedRuns(text: AnalysedText): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    if (run.length > 0 && run[run.length - 1][0].sentence !== head.sentence) flush();
    if (!isCapitalised(head)) {
      if (run.length > 0 && particleLeadsToName(tokens, i)) {
        run.push([head]);
        continue;
      }
      flush();
      continue;
    }
    const word: Word = [head];
    while (tokens[i].after === "-" && i + 1 < tokens.length && tokens[i + 1].sentence === tokens[i].sentence) word.push(tokens[++i]);
    const last = word[word.length - 1];
    run.push(word);
    if (last.possessive || last.after !== " ") flush();
  }
  flush();
  return runs;
}

// Private: whether the particle at `i` continues a name: it follows a name word and more
// particles or a capitalised word follow, each joined by one space ("von der Leyen").
function particleLeadsToName(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined || prev.after !== " " || prev.possessive) return false;
  for (let j = i; j < tokens.length && tokens[j].sentence === tokens[i].sentence; j++) {
    if (NAME_PARTICLES.has(tokens[j].text)) {
      if (tokens[j].after !== " ") return false;
      continue;
    }
    return isCapitalised(tokens[j]) && /^\p{Lu}\p{Ll}/u.test(tokens[j].text);
  }
  return false;
}

// Private: index of the last title word in a run that has name words after it.
function titleHead(run: Word[]): number | null {
  for (let j = run.length - 2; j >= 0; j--) {
    const w = run[j];
    if (w.length === 1 && isTitleHead(w[0]) && w[0].lower !== "chief" && w[0].lower !== "head" && isCapitalised(w[0])) return j;
    if (w.length === 2 && w[0].text === "Secretary" && w[1].text === "General") return j;
    if (w.length >= 2 && isTitleHead({ ...w[0], lower: w.map((t) => t.lower).join("-") })) return j;
  }
  return null;
}

/** Words of the complement some titles take after "for" or "of": "Minister for Economic Affairs", "Secretary of State". */
const COMPLEMENT_WORDS = new Set([
  "Economic",
  "Economy",
  "Affairs",
  "Foreign",
  "Trade",
  "Industry",
  "Commerce",
  "Finance",
  "Investment",
  "Development",
  "Energy",
  "State",
  "Defense",
  "Defence",
  "Agriculture",
  "Planning",
  "Health",
  "Labor",
  "Labour",
  "Justice",
  "Interior",
  "Home",
  "Transport",
  "Digital",
  "Maritime",
  "Fisheries",
  "Cooperation",
  "International",
  "Enterprise",
  "Business",
  "Treasury",
  "National",
  "Security",
  "Industrial",
  "Policy",
  "Resources",
  "Mines",
  "Environment",
  "Tourism",
  "External",
  "Relations",
  "Internal",
  "Public",
  "Works",
]);

// Private: when a run follows "TITLE for|of" ("Minister for | Economic Affairs Airlangga
// Hartarto"), the title's head and how many words of the run complete the title; null otherwise.
function complementOf(text: AnalysedText, run: Word[], before: Token | undefined): { head: Token; words: number } | null {
  if (before === undefined || !/^(for|of)$/.test(before.text) || before.after !== " ") return null;
  const head = text.tokens[before.index - 1];
  if (head === undefined || head.sentence !== before.sentence || head.after !== " " || !isTitleHead(head) || !isCapitalised(head))
    return null;
  let words = 0;
  while (words < run.length && run[words].length === 1 && COMPLEMENT_WORDS.has(run[words][0].text)) words++;
  return words > 0 && words < run.length ? { head, words } : null;
}

// Private: the role of "TITLE for|of [the] ORGANIZATION" ending at `last`, the organization's
// last token: "a spokesperson for the European Commission", "head of the IMF"; null otherwise.
function titledBody(text: AnalysedText, last: Token, context: RoleContext): RoleFinding | null {
  const org = context.organizations.find((o) => o.mentions.some((m) => m.end === last.end));
  if (org === undefined) return null;
  const mention = org.mentions.find((m) => m.end === last.end)!;
  let i = text.tokens.findIndex((t) => t.start === mention.start) - 1;
  if (text.tokens[i]?.lower === "the") i--;
  const link = text.tokens[i];
  const head = text.tokens[i - 1];
  if (
    link === undefined ||
    head === undefined ||
    !/^(for|of|at)$/.test(link.lower) ||
    head.sentence !== last.sentence ||
    !isTitleHead(head)
  )
    return null;
  const base = roleEndingAt(text, head, context).role;
  const country = org.kind === "COMPANY" || org.kind === "OTHER" ? null : org.country;
  return { ...base, country: base.country ?? country, organization: org.name };
}

// Private: the role a title phrase states when it ends just before ", " at `start`: "the
// bloc's trade chief, …", "Australia's ambassador to the United States, …"; null otherwise.
function titleBeforeComma(text: AnalysedText, start: number, context: RoleContext): RoleFinding | null {
  const at = text.tokens.findIndex((t) => t.start === start);
  const comma = text.tokens[at - 1];
  if (comma === undefined || !/^,\s+$/.test(comma.after) || comma.sentence !== text.tokens[at].sentence) return null;
  if (isTitleHead(comma)) return roleEndingAt(text, comma, context).role;
  // "ambassador to the United States": the head, then where the office is posted.
  const place =
    context.hits.find((h) => h.end === comma.end) ?? context.organizations.flatMap((o) => o.mentions).find((m) => m.end === comma.end);
  if (place === undefined) return null;
  let i = text.tokens.findIndex((t) => t.start === place.start) - 1;
  if (text.tokens[i]?.lower === "the") i--;
  const head = text.tokens[i - 1];
  if (!/^(to|of|for|at)$/.test(text.tokens[i]?.lower ?? "") || head === undefined || head.sentence !== comma.sentence || !isTitleHead(head))
    return null;
  return roleEndingAt(text, head, context).role;
}

// Private: whether words make a person's name: one to four capitalised name words, particles only
// between them, a suffix only at the end.
function validName(words: Word[], hitAt: Map<number, SurfaceHit>): boolean {
  // A particle in capitals opens a surname, not a full name: "Von der Leyen said" is resolved later.
  if (words.length === 0 || isParticle(words[0]) || isSuffix(words[0]) || isParticle(words[words.length - 1])) return false;
  if (words.length > 1 && NAME_PARTICLES.has(words[0][0].lower) && isParticle(words[1])) return false;
  const capitals = words.filter((w, i) => !isParticle(w) && !(isSuffix(w) && i === words.length - 1 && i > 0));
  if (capitals.length === 0 || capitals.length > LONGEST_NAME) return false;
  return capitals.every((w) => nameLike(w, hitAt));
}

// Private: whether a run of name words is followed by the comma or sentence end that closes an appositive.
function closesAppositive(text: AnalysedText, words: Word[]): boolean {
  const last = words[words.length - 1];
  const token = last[last.length - 1];
  return /^[,.;]/.test(token.after) || token.after === "" || token.index === text.sentences[token.sentence].last - 1;
}

// Private: a role an appositive after the name gives ("Hasan Nasbi, the presidential spokesman,").
function addAppositiveRole(byName: Map<string, PersonFinding>, text: AnalysedText, words: Word[], context: RoleContext): void {
  const last = words[words.length - 1];
  const role = roleAfterName(text, last[last.length - 1], context);
  if (role === null) return;
  const person = byName.get(nameSpan(text, words).text.replace(/\s+/g, " "));
  if (person !== undefined && !person.roles.some((r) => r.title === role.title)) person.roles.push(role);
}

// Private: whether a word can be part of a person's name: a capitalised word ("LeBlanc" and
// "O'Neill" too), not a title, calendar word, institution word, or a country's name or demonym
// (a capital can be a surname).
function nameLike(word: Word, hitAt: Map<number, SurfaceHit>): boolean {
  const first = word[0];
  if (!/^\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*$/u.test(first.text)) return false;
  if (word.slice(1).some((t) => !/^\p{L}+$/u.test(t.text))) return false;
  if (isTitleHead(first) || NOT_A_NAME.has(first.text) || isCalendarWord(first.lower)) return false;
  // "Southeast Asian leaders": a demonym is not a name, though it may follow one.
  if (first.tags.has("Demonym") && !NAME_TAGS.some((tag) => first.tags.has(tag))) return false;
  const hit = hitAt.get(first.start);
  return hit === undefined || hit.kind === "capital";
}

function isParticle(word: Word): boolean {
  return word.length === 1 && NAME_PARTICLES.has(word[0].text);
}

function isSuffix(word: Word): boolean {
  return word.length === 1 && NAME_SUFFIXES.has(word[0].text);
}

function lastNameWord(words: Word[]): Word {
  const named = words.filter((w) => !isSuffix(w));
  return named[named.length - 1];
}

function addPerson(byName: Map<string, PersonFinding>, mention: Mention, role: RoleFinding | null, known: KnownPeople): void {
  const name = mention.text.replace(/\s+/g, " ");
  let person = byName.get(name);
  if (person === undefined) {
    person = { name, alias: "", nationality: null, roles: [], description: null, mentions: [] };
    byName.set(name, person);
  }
  person.mentions.push(mention);
  if (role !== null && !person.roles.some((r) => r.title === role.title && r.country === role.country)) person.roles.push(role);
  const knownPerson = known.byName(name);
  person.nationality ??= knownPerson?.nationality ?? person.roles.find((r) => r.country !== null && r.country !== "EU")?.country ?? null;
  person.alias = knownPerson?.aliases[0] ?? familyName(name, person.nationality);
}

// Private: how often each capitalised word stands alone (no capitalised neighbour joined by a
// space) — a surname that recurs alone marks the run it ends as a person's name.
function standaloneWords(text: AnalysedText): Map<string, number> {
  const counts = new Map<string, number>();
  text.tokens.forEach((t, i) => {
    if (!isCapitalised(t)) return;
    const prev = text.tokens[i - 1];
    const next = text.tokens[i + 1];
    const joinedBefore =
      prev !== undefined && prev.sentence === t.sentence && prev.after === " " && !prev.possessive && isCapitalised(prev);
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

// Private: the span of a name; a suffix keeps its full stop ("King Jr.").
function nameSpan(text: AnalysedText, words: Word[]): Span {
  const span = spanOfWords(text, words[0], words[words.length - 1]);
  const last = words[words.length - 1];
  if (isSuffix(last) && /^(Jr|Sr)$/.test(last[0].text) && last[0].after.startsWith(".")) {
    return { start: span.start, end: span.end + 1, text: text.body.slice(span.start, span.end + 1) };
  }
  return span;
}
