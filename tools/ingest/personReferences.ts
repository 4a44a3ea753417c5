// Coreference for people: once full names are known, later references are tied to them —
// surnames ("Takaichi"), titled surnames ("President Trump") and definite descriptions
// ("the former Japanese prime minister") — and appositives give each person a description.
import type { Mention, PersonFinding, UnresolvedFinding } from "./findings.js";
import { foldText } from "./foldedText.js";
import { countryByCode, type SurfaceHit } from "./gazetteer.js";
import type { KnownPeople } from "./knownPeople.js";
import { familyName, type NamedPeople } from "./people.js";
import { nationalTitle, normaliseTitle, PAST_ROLE_WORDS, ROLE_STATE_WORDS, TITLE_HEADS } from "./roles.js";
import { isCapitalised, type AnalysedText, type Span, type Token } from "./textAnalysis.js";

/** Title heads that, after "the", refer back to a person ("the … prime minister"); "the head" and "the chief" rarely do. */
const TITLE_HEADS_LOWER = new Set([...TITLE_HEADS].filter((t) => !["chief", "head", "executive", "chair"].includes(t)));
/** Titles of a company's officers, which take no country from the story's dateline. */
const CORPORATE_TITLE = /\b(?:CEO|Executive|Chairman|Chairwoman|Chair|Chairperson|Director|Founder|Analyst|Economist)$/i;
/** How many sentences back a definite description may reach for its person. */
const DESCRIPTION_REACH = 2;
const LONGEST_DESCRIPTION = 300;

/**
 * Given the named people of an article and the people known beforehand (the corpus merged into
 * and a curated list), adds every later reference to them as a mention — surnames ("Takaichi",
 * "von der Leyen"), titled surnames ("President Trump"), definite descriptions ("the former
 * Japanese prime minister") — and people the article names only by a known short form ("Trump"
 * alone is Donald Trump). Roles without a stated country take it from the title ("Treasury
 * Secretary" is American) or the person's nationality. Returns the people, mentions sorted, and
 * the references it could not tie to exactly one person.
 */
export function resolvePersonReferences(
  text: AnalysedText,
  named: NamedPeople,
  hits: SurfaceHit[],
  known: KnownPeople,
  blocked: Span[] = [],
  homeCountry: string | null = null,
): { people: PersonFinding[]; unresolved: UnresolvedFinding[] } {
  const people = named.people;
  const unresolved: UnresolvedFinding[] = [];
  const hitAt = new Map(hits.map((h) => [h.start, h]));
  const taken: Span[] = [...named.vessels, ...blocked, ...people.flatMap((p) => p.mentions)];
  const byAlias = () => {
    const map = new Map<string, PersonFinding[]>();
    for (const p of people) map.set(p.alias, [...(map.get(p.alias) ?? []), p]);
    return map;
  };
  // A known person the article names only by a short form joins the article's people.
  const adopt = (alias: string): PersonFinding | null => {
    const k = known.byAlias(alias);
    if (k === undefined) return null;
    let person = people.find((p) => p.name === k.name);
    if (person === undefined) {
      person = { name: k.name, alias: k.aliases[0] ?? alias, nationality: k.nationality, roles: [], description: null, mentions: [] };
      people.push(person);
    }
    return person;
  };

  // Titled surnames: "President Trump" is Donald Trump, and is President.
  let aliases = byAlias();
  for (const { surname, role, mention } of named.titledSurnames) {
    const matches = aliases.get(surname) ?? [];
    const person = matches.length === 1 ? matches[0] : matches.length === 0 ? adopt(surname) : null;
    if (person === null) {
      unresolved.push({
        entityType: "PERSON",
        ...mention,
        reason:
          matches.length === 0
            ? `no full name for "${surname}" in the article`
            : `"${surname}" could be ${matches.map((p) => p.name).join(" or ")}`,
      });
      continue;
    }
    person.mentions.push(mention);
    taken.push(mention);
    if (!person.roles.some((r) => r.title === role.title)) person.roles.push(role);
  }

  // Definite descriptions, before surnames so a role they add can fix a family name's position.
  for (const description of findDescriptions(text, hitAt)) {
    // "the presidential spokesman, Hasan Nasbi": a title set before the name, not a reference back.
    if (people.some((p) => p.mentions.some((m) => m.start > description.mention.end && m.start <= description.mention.end + 3))) continue;
    const person = resolveDescription(description, people);
    if (person === null) {
      unresolved.push({ entityType: "PERSON", ...description.mention, reason: "no earlier person fits this description" });
      continue;
    }
    person.mentions.push(description.mention);
    taken.push(description.mention);
    if (!person.roles.some((r) => r.title === description.title && r.country === description.country)) {
      person.roles.push({ title: description.title, country: description.country, current: description.current, organization: null });
    }
    person.nationality ??= description.country;
    person.description ??= capitalise(description.withClause);
  }
  for (const p of people) {
    const k = known.byName(p.name);
    p.alias = k?.aliases[0] ?? familyName(p.name, p.nationality);
  }

  // Surnames standing alone, the article's people first, then known people.
  aliases = byAlias();
  for (const found of shortForms(text, [...aliases.keys(), ...known.aliases.filter((a) => !aliases.has(a))])) {
    if (taken.some((s) => found.start < s.end && found.end > s.start)) continue;
    const matches = aliases.get(found.alias) ?? [];
    if (matches.length > 1) {
      unresolved.push({
        entityType: "PERSON",
        ...found.mention,
        reason: `"${found.mention.text}" could be ${matches.map((p) => p.name).join(" or ")}`,
      });
      continue;
    }
    const person = matches[0] ?? adopt(found.alias);
    if (person === null) continue;
    person.mentions.push(found.mention);
    taken.push(found.mention);
  }

  for (const p of people) {
    p.mentions.sort((a, b) => a.start - b.start);
    p.description ??= appositive(text, p.mentions);
    const k = known.byName(p.name);
    // A known figure the article names without any title holds the office they hold.
    if (p.roles.length === 0 && k?.office != null) p.roles.push({ ...k.office, current: true, organization: null });
    // A role the text gives no country: the title's own ("Treasury Secretary"), else the person's
    // (from another role, or as known), else the country the story is filed from.
    const own = p.roles.find((r) => r.country !== null && !isUnion(r.country))?.country ?? null;
    for (const r of p.roles) {
      if (r.country !== null || r.organization !== null) continue;
      // A company's officer ("chief executive") is not a state's: the dateline does not make them one.
      r.country = nationalTitle(r.title) ?? own ?? k?.nationality ?? (CORPORATE_TITLE.test(r.title) ? null : homeCountry);
    }
    // Nationality is what the roles say (an EU office says none), else what is known.
    const fromRoles = p.roles.find((r) => r.country !== null && !isUnion(r.country))?.country ?? null;
    p.nationality = fromRoles ?? (p.roles.length === 0 ? (p.nationality ?? k?.nationality ?? null) : null);
  }
  return { people: people.filter((p) => p.mentions.length > 0), unresolved };
}

function isUnion(code: string): boolean {
  return countryByCode(code)?.kind === "CUSTOMS_UNION";
}

// Private: where a short form occurs on its own — not inside a longer capitalised name ("Trump
// Tower", "Eric Trump") — matched word by word; a particle may open a sentence in capitals
// ("Von der Leyen said").
function shortForms(text: AnalysedText, forms: string[]): { alias: string; start: number; end: number; mention: Mention }[] {
  const byFirst = new Map<string, string[][]>();
  for (const form of forms) {
    const words = form.split(" ");
    const key = foldText(words[0]);
    byFirst.set(key, [...(byFirst.get(key) ?? []), words]);
  }
  const found: { alias: string; start: number; end: number; mention: Mention }[] = [];
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = byFirst.get(foldText(tokens[i].text));
    if (candidates === undefined) continue;
    for (const words of candidates.sort((a, b) => b.length - a.length)) {
      const end = i + words.length - 1;
      if (end >= tokens.length || tokens[end].sentence !== tokens[i].sentence) continue;
      // Accents aside ("Šefčovič" is "Sefcovic"); a capitalised word stays capitalised, a particle may open a sentence in capitals.
      const sameWord = (token: Token, w: string) => foldText(token.text) === foldText(w) && (isCapitalised(token) || !/^\p{Lu}/u.test(w));
      const matches = words.every(
        (w, j) => sameWord(tokens[i + j], w) && (j === words.length - 1 || (tokens[i + j].after === " " && !tokens[i + j].possessive)),
      );
      if (!matches) continue;
      const next = tokens[end + 1];
      if (
        next !== undefined &&
        next.sentence === tokens[i].sentence &&
        tokens[end].after === " " &&
        !tokens[end].possessive &&
        isCapitalised(next)
      )
        break;
      const prev = tokens[i - 1];
      if (prev !== undefined && prev.sentence === tokens[i].sentence && prev.after === " " && !prev.possessive && looksLikeNameWord(prev))
        break;
      const start = tokens[i].start;
      const stop = tokens[end].end;
      found.push({
        alias: words.join(" "),
        start,
        end: stop,
        mention: { start, end: stop, text: text.body.slice(start, stop), sentence: tokens[i].sentence },
      });
      i = end;
      break;
    }
  }
  return found;
}

// Private: whether a capitalised word before a short form makes it part of another name ("Eric
// Trump"): not a title ("President Trump"), honorific ("Mr. Trump") or sentence opener ("But Trump").
function looksLikeNameWord(t: Token): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(t.text) || TITLE_HEADS.has(t.lower) || ROLE_STATE_WORDS.has(t.lower)) return false;
  return !["Honorific", "Preposition", "Conjunction", "Determiner", "Pronoun", "Adverb", "QuestionWord", "Verb"].some((tag) =>
    t.tags.has(tag),
  );
}

// Private: a definite description of a person and what it says.
interface Description {
  mention: Mention;
  title: string;
  country: string | null;
  current: boolean;
  /** The description with a following relative clause, for the person's description. */
  withClause: string;
}

// Private: "the [former] [Japanese] prime minister", "Japan's former prime minister" — a title
// in lower case with no name after it, so it refers back to someone already named.
function findDescriptions(text: AnalysedText, hitAt: Map<number, SurfaceHit>): Description[] {
  const found: Description[] = [];
  const tokens = text.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const opener = tokens[i];
    const openerHit = hitAt.get(opener.start);
    const possessiveCountry = opener.possessive && openerHit !== undefined && openerHit.kind === "name" ? openerHit.code : null;
    if (opener.lower !== "the" && possessiveCountry === null) continue;
    let country = possessiveCountry;
    let current = true;
    let j = i + 1;
    const sameSentence = (k: number) => tokens[k] !== undefined && tokens[k].sentence === opener.sentence;
    for (let pass = 0; pass < 2; pass++) {
      while (sameSentence(j) && ROLE_STATE_WORDS.has(tokens[j].lower)) {
        if (PAST_ROLE_WORDS.has(tokens[j].lower)) current = false;
        j++;
      }
      const hit = sameSentence(j) ? hitAt.get(tokens[j].start) : undefined;
      if (pass === 0 && country === null && hit !== undefined && hit.kind !== "capital") {
        country = hit.code;
        while (sameSentence(j) && tokens[j].start < hit.end) j++;
      }
    }
    let k = j;
    while (k < j + 3 && sameSentence(k) && /^\p{Ll}+$/u.test(tokens[k].text) && !TITLE_HEADS_LOWER.has(tokens[k].lower)) k++;
    if (!sameSentence(k) || !TITLE_HEADS_LOWER.has(tokens[k].lower)) continue;
    const after = tokens[k + 1];
    if (after !== undefined && after.sentence === opener.sentence && tokens[k].after === " " && isCapitalised(after)) continue;
    const start = opener.start;
    const end = tokens[k].end;
    found.push({
      mention: { start, end, text: text.body.slice(start, end), sentence: opener.sentence },
      title: normaliseTitle(text.body.slice(tokens[j].start, tokens[k].end)),
      country,
      current,
      withClause: clauseFrom(text, start, tokens[k]),
    });
    i = k;
  }
  return found;
}

// Private: the person a description refers to — among people mentioned shortly before, those
// whose nationality does not contradict it; "former" rules out whoever holds the title now and
// a present-tense title needs someone known to hold it. The most recently mentioned wins.
function resolveDescription(d: Description, people: PersonFinding[]): PersonFinding | null {
  let best: { person: PersonFinding; at: number } | null = null;
  for (const person of people) {
    const earlier = person.mentions.filter((m) => m.start < d.mention.start && m.sentence >= d.mention.sentence - DESCRIPTION_REACH);
    if (earlier.length === 0) continue;
    if (d.country !== null && person.nationality !== null && person.nationality !== d.country) continue;
    const holds = person.roles.some((r) => r.current && r.title === d.title && (d.country === null || r.country === d.country));
    if (!d.current && holds) continue;
    if (d.current && !holds) continue;
    const at = Math.max(...earlier.map((m) => m.start));
    if (best === null || at > best.at) best = { person, at };
  }
  return best?.person ?? null;
}

// Private: "Takaichi, a hard-line conservative …, aims" → "A hard-line conservative …".
function appositive(text: AnalysedText, mentions: Mention[]): string | null {
  for (const m of mentions) {
    const rest = text.body.slice(m.end, text.sentences[m.sentence].end);
    const match = /^,\s+((?:a|an|the)\s[^,;]+?)(?:,|;|\.$|$)/.exec(rest);
    if (match && match[1].length <= LONGEST_DESCRIPTION) return capitalise(match[1]);
  }
  return null;
}

// Private: the text from `start` to the end of the clause after `last` (next comma or sentence end).
function clauseFrom(text: AnalysedText, start: number, last: Token): string {
  const sentenceEnd = text.sentences[last.sentence].end;
  const rest = text.body.slice(last.end, sentenceEnd);
  const stop = rest.search(/[,;]|\.$/);
  const clause = text.body.slice(start, stop < 0 ? sentenceEnd : last.end + stop).trim();
  return clause.length <= LONGEST_DESCRIPTION ? clause : text.body.slice(start, last.end);
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
