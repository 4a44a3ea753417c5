// Roles: the title phrases news copy puts next to a name, read the way the copy writes them —
// before the name ("U.S. President Donald Trump", "British leader Keir Starmer", "Japan's chief
// tariff negotiator Ryosei Akazawa", "then-Prime Minister Boris Johnson"), or as an appositive
// after it ("Hasan Nasbi, the presidential spokesman,", "Maros Sefcovic, the EU's trade
// commissioner,"). A role's country comes from a demonym, a possessive, a name or an "of" phrase;
// "former", "then-", "ex-", "the late" and "outgoing" make it past.
import type { RoleFinding } from "./findings.js";
import type { SurfaceHit } from "./gazetteer.js";
import type { OrganizationFinding } from "./findings.js";
import { isCapitalised, type AnalysedText, type Token } from "./textAnalysis.js";

/** Nouns that end a title: the office itself ("president", "minister", "negotiator"), in lower case. */
export const TITLE_HEADS = new Set([
  "president",
  "premier",
  "minister",
  "secretary",
  "representative",
  "chancellor",
  "governor",
  "ambassador",
  "king",
  "queen",
  "emperor",
  "empress",
  "prince",
  "princess",
  "chairman",
  "chairwoman",
  "chair",
  "chairperson",
  "leader",
  "senator",
  "mayor",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "commissioner",
  "envoy",
  "speaker",
  "pope",
  "sultan",
  "adviser",
  "advisor",
  "director",
  "director-general",
  "negotiator",
  "chief",
  "head",
  "ceo",
  "executive",
  "lawmaker",
  "legislator",
  "diplomat",
  "congressman",
  "congresswoman",
  "president-elect",
  "vice-president",
  "attorney-general",
  "treasurer",
  "administrator",
]);

/** Words before a title that say whether it is held now: "new", "former", "late". */
export const ROLE_STATE_WORDS = new Set([
  "former",
  "late",
  "then",
  "ex",
  "outgoing",
  "new",
  "acting",
  "incoming",
  "interim",
  "current",
  "incumbent",
  "newly",
  "sitting",
]);
/** The state words that mean the role is no longer held. */
export const PAST_ROLE_WORDS = new Set(["former", "late", "then", "ex", "outgoing"]);

/** Judgements copy adds to a title that are not part of the office: "top negotiator", "veteran diplomat". */
const EVALUATIVE = new Set([
  "top",
  "senior",
  "veteran",
  "longtime",
  "long-time",
  "powerful",
  "influential",
  "key",
  "leading",
  "prominent",
  "seasoned",
  "hawkish",
  "popular",
  "embattled",
  "beleaguered",
  "respected",
  "hardline",
  "hard-line",
]);

/** Tags of words that cannot be part of a title. */
const NOT_IN_TITLE = ["Determiner", "Preposition", "Pronoun", "QuestionWord", "Value", "Auxiliary", "Copula", "Modal", "Possessive"];

/** Titles that name one country's office without saying whose ("Treasury Secretary" is American). */
const NATIONAL_TITLES: [RegExp, string][] = [
  [/^(?:Treasury|Commerce|Agriculture|Defense|Energy|Labor|Interior|Transportation|Homeland Security|War) Secretary$/, "US"],
  [
    /^Secretary of (?:State|the Treasury|Commerce|Agriculture|Defense|War|Energy|Labor|the Interior|Transportation|Homeland Security)$/,
    "US",
  ],
  [/^(?:Trade Representative|White House Press Secretary|White House Spokeswoman|White House Spokesman)$/, "US"],
  [/^(?:Foreign|Home|Business|Business and Trade|International Trade|Trade|Defence) Secretary$/, "GB"],
  [/^Chancellor of the Exchequer$/, "GB"],
  [
    /^(?:Trade|Economy|Competition|Agriculture|Energy) Commissioner$|^Commission (?:President|Vice President|Spokesperson|Spokesman|Spokeswoman)$/,
    "EU",
  ],
];

/** What role parsing reads besides tokens: country hits and organization mentions. */
export interface RoleContext {
  hits: SurfaceHit[];
  organizations: OrganizationFinding[];
}

/** Given a token, returns whether it is a title's head noun ("Minister", "negotiator", "CEO"). */
export function isTitleHead(token: Token): boolean {
  return TITLE_HEADS.has(token.lower);
}

/** Given a title as written ("prime minister", "Foreign Minister"), returns it in title case. */
export function normaliseTitle(title: string): string {
  return title
    .split(/\s+/)
    .map((w) =>
      /^(of|for|and|the)$/i.test(w)
        ? w.toLowerCase()
        : /^\p{Lu}+$/u.test(w) && w.length > 1
          ? w
          : w
              .split("-")
              .map((p) => (p === "" ? p : p[0].toUpperCase() + p.slice(1).toLowerCase()))
              .join("-"),
    )
    .join(" ");
}

/**
 * Given the token that heads a title right before a name ("Minister" in "Japan's new Prime
 * Minister Sanae Takaichi", "negotiator" in "chief tariff negotiator Ryosei Akazawa"), returns
 * the role the title phrase states and where the phrase starts, reading back over modifiers,
 * state words, and the country or organization that holds the office.
 */
export function roleEndingAt(text: AnalysedText, head: Token, context: RoleContext): { role: RoleFinding; start: number } {
  const tokens = text.tokens;
  let titleStart = head;
  let country: string | null = null;
  let organization: OrganizationFinding | null = null;
  let current = true;
  let holderFound = false;
  let stateSeen = false;
  let words = 1;
  let start = head.start;
  for (let i = head.index - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.sentence !== head.sentence || !(t.after === " " || t.after === "-")) break;
    if (ROLE_STATE_WORDS.has(t.lower)) {
      if (PAST_ROLE_WORDS.has(t.lower)) current = false;
      start = t.start;
      stateSeen = true;
      continue;
    }
    if (holderFound) break;
    const org = organizationEndingAt(context, t.end);
    if (org !== null) {
      organization = org.finding;
      start = org.start;
      holderFound = true;
      i = tokenAt(text, org.start)?.index ?? i;
      if (org.finding.kind !== "COMPANY" && org.finding.kind !== "OTHER") {
        // A public body's name is part of the title, its country word aside: "European Commission
        // President" is the EU's "Commission President".
        country ??= org.finding.country;
        const inside = context.hits.find((h) => h.start === org.start && h.end < t.end);
        const first = inside === undefined ? tokens[i] : text.tokens.find((x) => x.start >= inside.end);
        if (first !== undefined && first.index <= head.index) titleStart = first;
        if (inside !== undefined) country ??= inside.code;
      }
      if (t.possessive) break;
      continue;
    }
    const hit = context.hits.find((h) => h.end === t.end && (h.kind !== "capital" || t.possessive));
    if (hit !== undefined) {
      country = hit.code;
      start = hit.start;
      holderFound = true;
      i = tokenAt(text, hit.start)?.index ?? i;
      if (t.possessive) break;
      continue;
    }
    if (t.possessive || stateSeen) break;
    if (EVALUATIVE.has(t.lower)) {
      start = t.start;
      continue;
    }
    if (!titleWord(t) || words >= 6) break;
    // A title in capitals takes no lower-case words: "a move President Donald Trump".
    if (isCapitalised(head) && !isCapitalised(t) && t.lower !== "and") break;
    // "Commerce and Industry Minister": "and" only between capitalised title words, never after a name.
    if (
      t.lower === "and" &&
      !(
        tokens[i - 1] !== undefined &&
        isCapitalised(tokens[i - 1]) &&
        !["Person", "FirstName", "LastName"].some((tag) => tokens[i - 1].tags.has(tag))
      )
    )
      break;
    titleStart = t;
    start = t.start;
    words++;
  }
  while (titleStart !== head && (titleStart.lower === "and" || EVALUATIVE.has(titleStart.lower))) titleStart = tokens[titleStart.index + 1];
  const title = normaliseTitle(text.body.slice(titleStart.start, head.end));
  return { role: { title, country: country ?? nationalTitle(title), current, organization: organization?.name ?? null }, start };
}

/**
 * Given the last token of a name, returns the role an appositive after it states —
 * "Hasan Nasbi, the presidential spokesman,", "Akazawa, Japan's chief tariff negotiator, said",
 * "Georgieva, head of the IMF," — or null when no appositive title follows.
 */
export function roleAfterName(text: AnalysedText, last: Token, context: RoleContext): RoleFinding | null {
  if (!/^,\s+$/.test(last.after)) return null;
  const tokens = text.tokens;
  const same = (k: number) => tokens[k] !== undefined && tokens[k].sentence === last.sentence;
  let k = last.index + 1;
  let country: string | null = null;
  let organization: OrganizationFinding | null = null;
  let current = true;
  if (same(k) && /^(the|a|an)$/.test(tokens[k].lower)) k++;
  for (let guard = 0; guard < 8 && same(k); guard++) {
    const t = tokens[k];
    if (ROLE_STATE_WORDS.has(t.lower)) {
      if (PAST_ROLE_WORDS.has(t.lower)) current = false;
      k++;
      continue;
    }
    const hit = context.hits.find((h) => h.start === t.start && h.kind !== "capital");
    if (hit !== undefined && country === null) {
      country = hit.code;
      while (same(k) && tokens[k].start < hit.end) k++;
      continue;
    }
    const org = context.organizations.flatMap((o) => o.mentions.filter((m) => m.start === t.start).map(() => o))[0];
    if (org !== undefined && organization === null && tokens[k - 1]?.after !== " of ") {
      organization = org;
      const end = org.mentions.find((m) => m.start === t.start)!.end;
      while (same(k) && tokens[k].start < end) k++;
      continue;
    }
    break;
  }
  const titleStart = k;
  let head = -1;
  for (let j = k; j < k + 5 && same(j); j++) {
    const t = tokens[j];
    if (isTitleHead(t)) head = j;
    if (/^[,.;:)]/.test(t.after) || t.after === "" || !titleWord(t)) break;
  }
  if (head < 0) return null;
  const headToken = tokens[head];
  let after = headToken.after;
  let end = head;
  // "head of the IMF", "president of the European Commission", "prime minister of Japan".
  if (after === " " && same(head + 1) && tokens[head + 1].lower === "of") {
    let j = head + 2;
    if (same(j) && tokens[j].lower === "the") j++;
    const t = tokens[j];
    const hit = t === undefined ? undefined : context.hits.find((h) => h.start === t.start && h.kind === "name");
    const org = t === undefined ? undefined : context.organizations.find((o) => o.mentions.some((m) => m.start === t.start));
    if (hit !== undefined) country ??= hit.code;
    else if (org !== undefined) organization ??= org;
    else return null;
    const spanEnd = hit?.end ?? org!.mentions.find((m) => m.start === t.start)!.end;
    while (same(j + 1) && tokens[j + 1].start < spanEnd) j++;
    end = j;
    after = tokens[j].after;
  }
  if (!(after === "" || /^[,.;:)]/.test(after) || tokens[end].index === text.sentences[last.sentence].last - 1)) return null;
  if (organization !== null && country === null && organization.kind !== "COMPANY" && organization.kind !== "OTHER")
    country = organization.country;
  const title = normaliseTitle(text.body.slice(tokens[titleStart].start, headToken.end));
  return { title, country: country ?? nationalTitle(title), current, organization: organization?.name ?? null };
}

/** Given a title in title case, returns the one country whose office it names, or null ("Treasury Secretary" → US). */
export function nationalTitle(title: string): string | null {
  return NATIONAL_TITLES.find(([pattern]) => pattern.test(title))?.[1] ?? null;
}

// Private: whether a token can sit inside a title: letters (a hyphen or dot inside), not a
// function word; in lower case, a noun or adjective ("chief", "tariff", "presidential").
function titleWord(t: Token): boolean {
  if (!/^[\p{L}][\p{L}.&'-]*$/u.test(t.text)) return false;
  if (t.lower === "and" || t.text === "&") return true;
  if (NOT_IN_TITLE.some((tag) => t.tags.has(tag))) return false;
  if (isCapitalised(t)) return !t.tags.has("Conjunction");
  if (TITLE_HEADS.has(t.lower)) return true;
  return (
    (t.tags.has("Noun") || t.tags.has("Adjective")) &&
    !t.tags.has("Adverb") &&
    !t.tags.has("Plural") &&
    !(t.tags.has("Verb") && !t.tags.has("Noun"))
  );
}

// Private: the organization whose mention ends at `end`, with the mention's start.
function organizationEndingAt(context: RoleContext, end: number): { finding: OrganizationFinding; start: number } | null {
  for (const o of context.organizations) {
    const m = o.mentions.find((x) => x.end === end);
    if (m !== undefined) return { finding: o, start: m.start };
  }
  return null;
}

function tokenAt(text: AnalysedText, start: number): Token | undefined {
  return text.tokens.find((t) => t.start === start);
}
