// Organizations in an article, with exact spans: the curated ones (organizationGazetteer.ts) by
// any of their names, names the text introduces by their form ("the Vietnam News Agency",
// "Xiaomi Corp.", "Ministry of Foreign Affairs", "Korea International Trade Association"), and
// acronyms the text defines in parentheses and then uses ("(KITA)", later "KITA"). A country
// name inside an organization's proper name is part of that name, not a mention of the country
// ("Vietnam News Agency"); a demonym or abbreviation before a generic body ("Chinese Foreign
// Ministry", "U.S. Navy") still mentions the country whose body it is.
import type { Mention, OrganizationFinding, OrganizationKind } from "./findings.js";
import type { SurfaceHit } from "./gazetteer.js";
import { CURATED_ORGANIZATIONS, type GazetteerOrganization } from "./organizationGazetteer.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Last words that make a capitalised run an organization's name, and the kind they suggest. */
const HEAD_KINDS: Record<string, OrganizationKind> = {
  Ministry: "GOVERNMENT_BODY",
  Department: "GOVERNMENT_BODY",
  Agency: "GOVERNMENT_BODY",
  Office: "GOVERNMENT_BODY",
  Administration: "GOVERNMENT_BODY",
  Authority: "GOVERNMENT_BODY",
  Bureau: "GOVERNMENT_BODY",
  Commission: "GOVERNMENT_BODY",
  Customs: "GOVERNMENT_BODY",
  Navy: "GOVERNMENT_BODY",
  Army: "GOVERNMENT_BODY",
  Embassy: "GOVERNMENT_BODY",
  Parliament: "GOVERNMENT_BODY",
  Cabinet: "GOVERNMENT_BODY",
  Senate: "GOVERNMENT_BODY",
  Congress: "GOVERNMENT_BODY",
  Assembly: "GOVERNMENT_BODY",
  Corp: "COMPANY",
  Corporation: "COMPANY",
  Co: "COMPANY",
  Inc: "COMPANY",
  Ltd: "COMPANY",
  LLC: "COMPANY",
  PLC: "COMPANY",
  Plc: "COMPANY",
  AG: "COMPANY",
  SA: "COMPANY",
  Group: "COMPANY",
  Holdings: "COMPANY",
  Motor: "COMPANY",
  Motors: "COMPANY",
  Industries: "COMPANY",
  Electronics: "COMPANY",
  Airlines: "COMPANY",
  Airways: "COMPANY",
  Technologies: "COMPANY",
  Steel: "COMPANY",
  Bank: "COMPANY",
  Party: "POLITICAL_PARTY",
  Organization: "INTERNATIONAL_BODY",
  Organisation: "INTERNATIONAL_BODY",
  Association: "OTHER",
  Federation: "OTHER",
  Institute: "OTHER",
  Foundation: "OTHER",
  Chamber: "OTHER",
  Council: "OTHER",
  University: "OTHER",
  Forum: "OTHER",
};
/** Heads that open a name with "of": "Ministry of Foreign Affairs", "Bank of Korea", "Chamber of Commerce". */
const OPENING_HEADS = new Set([
  "Ministry",
  "Department",
  "Bank",
  "Office",
  "Bureau",
  "Council",
  "Chamber",
  "Federation",
  "Association",
  "Organization",
  "Organisation",
  "Institute",
  "University",
  "Embassy",
]);
/** Generic bodies a possessive country before them owns: "China's Commerce Ministry". */
const GENERIC_HEADS = new Set([
  "Ministry",
  "Department",
  "Navy",
  "Army",
  "Embassy",
  "Customs",
  "Cabinet",
  "Parliament",
  "Government",
  "Office",
  "Agency",
]);
/** Words that join the words of a name: "Ministry of Economy, Trade and Industry" aside, "of", "and", "for", "&". */
const CONNECTORS = new Set(["of", "and", "for", "&", "the", "on"]);
/** Company suffixes written with a full stop that belongs to the name: "Co.", "Corp.", "Inc.", "Ltd.". */
const DOTTED_SUFFIXES = new Set(["Co", "Corp", "Inc", "Ltd"]);
/** Words that open a sentence or a phrase but never an organization's name. */
const FUNCTION_TAGS = ["Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "QuestionWord", "Value"];

/** Organizations found in an article, and the spans inside which country names are part of a name. */
export interface OrganizationsFound {
  organizations: OrganizationFinding[];
  /** Proper names containing a country's name ("Vietnam News Agency"): not country mentions. */
  opaque: Span[];
}

/**
 * Given an analysed body and its country hits, returns the organizations it names, each with
 * its kind, country and exact mention spans, and the spans that hide country names.
 */
export function findOrganizations(text: AnalysedText, hits: SurfaceHit[]): OrganizationsFound {
  const found = new Map<string, OrganizationFinding>();
  const opaque: Span[] = [];
  const spans: Span[] = [];
  const add = (key: string, make: () => OrganizationFinding, mention: Mention) => {
    if (spans.some((s) => mention.start < s.end && mention.end > s.start)) return;
    let org = found.get(key);
    if (org === undefined) {
      org = make();
      found.set(key, org);
    }
    org.mentions.push(mention);
    spans.push(mention);
  };

  // Curated names first, longest first, so "Toyota Motor Corp." wins over "Toyota".
  for (const { entry, start, end } of curatedMatches(text.body)) {
    const token = tokenStartingAt(text, start);
    if (token === undefined) continue;
    const mention = { start, end, text: text.body.slice(start, end), sentence: token.sentence };
    add(`curated:${entry.name}`, () => fromGazetteer(entry), mention);
    if (hits.some((h) => h.start >= start && h.end <= end && hidesCountry(h, entry.kind))) opaque.push(mention);
  }

  // Names the text introduces by their form.
  for (const run of capitalisedRuns(text)) {
    const named = introducedName(text, run, hits);
    if (named === null) continue;
    const mention = { start: named.start, end: named.end, text: text.body.slice(named.start, named.end), sentence: run[0].sentence };
    const existingCurated = [...found.values()].find((o) => sameName(o, mention.text));
    const key = existingCurated !== undefined ? `curated:${existingCurated.name}` : `text:${named.country ?? "-"}:${named.name}`;
    const before = spans.length;
    add(key, () => ({ name: named.name, aliases: [], kind: named.kind, country: named.country, members: [], mentions: [] }), mention);
    if (spans.length > before && named.opaque) opaque.push(mention);
  }

  // Acronyms defined in parentheses, then used alone: "the Korea International Trade Association (KITA)".
  for (const org of found.values()) {
    for (const m of [...org.mentions]) {
      const defined = /^\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)/.exec(text.body.slice(m.end, m.end + 14));
      if (defined === null || !/[A-Z].*[A-Z]/.test(defined[1])) continue;
      if (!org.aliases.includes(defined[1]) && org.name !== defined[1]) org.aliases.push(defined[1]);
    }
  }
  for (const org of found.values()) {
    for (const alias of org.aliases.filter((a) => /^[A-Z][A-Za-z0-9&.-]+$/.test(a))) {
      for (const m of text.body.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`, "gu"))) {
        const token = tokenStartingAt(text, m.index);
        if (token === undefined) continue;
        add(found.has(`curated:${org.name}`) ? `curated:${org.name}` : keyOf(found, org), () => org, {
          start: m.index,
          end: m.index + alias.length,
          text: alias,
          sentence: token.sentence,
        });
      }
    }
  }

  const organizations = [...found.values()];
  for (const o of organizations) o.mentions.sort((a, b) => a.start - b.start);
  organizations.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return { organizations, opaque };
}

// Private: a curated organization as a finding with no mentions yet.
function fromGazetteer(entry: GazetteerOrganization): OrganizationFinding {
  return {
    name: entry.name,
    aliases: [...entry.aliases],
    kind: entry.kind,
    country: entry.country,
    members: [...entry.members],
    mentions: [],
  };
}

// Private: every place a curated name or alias occurs, longest first, case-sensitive, whole words.
function curatedMatches(body: string): { entry: GazetteerOrganization; start: number; end: number }[] {
  const out: { entry: GazetteerOrganization; start: number; end: number }[] = [];
  for (const m of body.matchAll(CURATED_FINDER)) {
    const entry = CURATED_BY_FORM.get(m[0]);
    if (entry !== undefined) out.push({ entry, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const CURATED_BY_FORM = new Map<string, GazetteerOrganization>();
for (const o of CURATED_ORGANIZATIONS)
  for (const form of [o.name, ...o.aliases]) if (!CURATED_BY_FORM.has(form)) CURATED_BY_FORM.set(form, o);
const CURATED_FINDER = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${[...CURATED_BY_FORM.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L}|\\+)`,
  "gu",
);

// Private: runs of capitalised tokens in a sentence, with connectors between capitalised words
// and hyphenated words inside; a possessive or punctuation ends a run.
function capitalisedRuns(text: AnalysedText): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1].text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (run.length > 0 && run[0].sentence !== t.sentence) flush();
    const joined = run.length > 0 && (run[run.length - 1].after === " " || run[run.length - 1].after === "-");
    if (run.length > 0 && !joined) flush();
    // Two names joined by "and" are two names: "the Commerce Ministry and the Foreign Ministry".
    if (run.length > 0 && (t.text === "and" || t.text === "&") && HEAD_KINDS[run[run.length - 1].text] !== undefined) {
      flush();
      continue;
    }
    // "the" only inside a name, after "of": "Office of the U.S. Trade Representative".
    const connects = CONNECTORS.has(t.text) && (t.text !== "the" || /^(of|for|on)$/.test(run[run.length - 1]?.text ?? ""));
    if (
      isCapitalised(t) ||
      (run.length > 0 && connects && tokens[i + 1] !== undefined && (isCapitalised(tokens[i + 1]) || tokens[i + 1].text === "the"))
    ) {
      run.push(t);
      if (t.possessive || !(t.after === " " || t.after === "-")) flush();
      continue;
    }
    flush();
  }
  flush();
  return runs;
}

// Private: the organization a capitalised run names by its form, or null.
function introducedName(
  text: AnalysedText,
  run: Token[],
  hits: SurfaceHit[],
): { name: string; start: number; end: number; kind: OrganizationKind; country: string | null; opaque: boolean } | null {
  // Without a body's word at its end or an opening head ("Ministry of"), a run names no body.
  if (HEAD_KINDS[run[run.length - 1].text] === undefined && !run.some((w) => OPENING_HEADS.has(w.text))) return null;
  let words = run;
  // Leading words that are not part of a name: "The", "In", "But".
  while (words.length > 0 && (words[0].lower === "the" || FUNCTION_TAGS.some((tag) => words[0].tags.has(tag)) || words[0].tags.has("Verb")))
    words = words.slice(1);
  // "Shares of Xiaomi Corp.": "of" after anything but an opening head starts the name afresh.
  for (let k = words.length - 1; k > 0; k--) {
    if (words[k].text === "of" && !OPENING_HEADS.has(words[k - 1].text)) {
      words = words.slice(k + 1);
      break;
    }
  }
  if (words.length < 2) return null;
  const lastWord = words[words.length - 1];
  const opening = words.findIndex((w, i) => OPENING_HEADS.has(w.text) && words[i + 1]?.text === "of");
  const headKind = HEAD_KINDS[lastWord.text];
  if (headKind === undefined && opening < 0) return null;
  // "Ministry of Foreign Affairs" may follow a country word; otherwise the head decides the kind.
  let kind: OrganizationKind = headKind ?? HEAD_KINDS[words[opening].text] ?? "OTHER";
  let country: string | null = null;
  let opaque = false;
  const nameStart = words[0].start;
  const leading = hits.find((h) => h.start === words[0].start);
  if (leading !== undefined) {
    if (leading.kind === "capital") return null;
    country = leading.code;
    if (!words.some((w) => w.start >= leading.end)) return null;
    // "Chinese Foreign Ministry" mentions China; "Vietnam News Agency" and "British Airways" do not.
    opaque = hidesCountry(leading, kind);
  }
  // A possessive country before the run gives a generic body its state: "China's Commerce Ministry".
  const before = text.tokens[words[0].index - 1];
  if (country === null && before !== undefined && before.sentence === words[0].sentence && before.possessive) {
    const hit = hits.find((h) => h.end === before.end && h.kind !== "capital");
    if (hit !== undefined && GENERIC_HEADS.has(lastWord.text)) country = hit.code;
  }
  if (kind === "GOVERNMENT_BODY" && lastWord.text === "Agency" && words.some((w) => w.text === "News")) kind = "OTHER";
  if (words.some((w) => w.tags.has("Person") && !w.tags.has("Organization")) && kind !== "COMPANY") return null;
  let end = lastWord.end;
  if (DOTTED_SUFFIXES.has(lastWord.text) && lastWord.after.startsWith(".")) end += 1;
  return { name: text.body.slice(nameStart, end), start: nameStart, end, kind, country, opaque };
}

// Private: whether a country word inside an organization's name is part of the name rather than a
// mention of the country. A public body qualified by a demonym or abbreviation is the state's own
// ("the European Commission", "the U.S. Navy"): the country is mentioned. A country's name inside
// any name ("Vietnam News Agency", "Bank of Japan"), or any country word in a company's or other
// body's name ("British Airways"), is only part of that name.
function hidesCountry(hit: SurfaceHit, kind: OrganizationKind): boolean {
  const publicBody = kind === "GOVERNMENT_BODY" || kind === "INTERNATIONAL_BODY";
  const qualifier = hit.kind === "demonym" || /^(?:\p{Lu}\.)+$|^(?:US|UK|EU)$/u.test(hit.text);
  return !(publicBody && qualifier);
}

function sameName(org: OrganizationFinding, text: string): boolean {
  return org.name === text || org.aliases.includes(text);
}

function keyOf(found: Map<string, OrganizationFinding>, org: OrganizationFinding): string {
  for (const [key, value] of found) if (value === org) return key;
  return `text:${org.country ?? "-"}:${org.name}`;
}

function tokenStartingAt(text: AnalysedText, start: number): Token | undefined {
  let lo = 0;
  let hi = text.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = text.tokens[mid];
    if (t.start === start) return t;
    if (t.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
