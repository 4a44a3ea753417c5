// Stable, deterministic ids for ingested records, derived from what identifies each entity:
// a person's name, an agreement's parties and kind, a tariff's imposer, target and product, an
// organization's acronym or name.
// The same article always yields the same ids, and the hand-made corpus's ids where they agree.
import type { AgreementKind } from "../../src/corpus/format.js";
import { countryByCode } from "./gazetteer.js";
import { foldText } from "../../src/text/fold.js";

/** Given any text, returns it as an id: lower-case ASCII letters, digits and single dashes. */
export function slug(text: string): string {
  return foldText(text)
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Given a country code, returns its id form: "us" for the U.S., "uk" for Britain, else its slugged name. */
export function countrySlug(code: string): string {
  const country = countryByCode(code);
  if (country === undefined) return code.toLowerCase();
  return country.abbreviation !== null ? slug(country.abbreviation) : slug(country.name);
}

/** Given a full name, returns the person's id: "Sanae Takaichi" → "sanae-takaichi". */
export function personId(name: string): string {
  return slug(name);
}

/** The noun an agreement's id and name use for its kind ("trade", "security"), or "" for OTHER. */
export function kindWord(kind: AgreementKind): string {
  return kind === "OTHER" ? "" : kind.toLowerCase();
}

/**
 * Given an agreement's identity, returns its id: parties (sorted by code), kind, head noun and
 * the year it was concluded — "japan-us-trade-agreement-2025", "japan-us-security-alliance".
 * A proper name, when the text gives one, replaces parties, kind and head.
 */
export function agreementId(a: {
  parties: string[];
  kind: AgreementKind;
  head: string;
  concluded: string | null;
  properName: string | null;
}): string {
  const year = a.concluded?.slice(0, 4);
  const base =
    a.properName !== null
      ? slug(a.properName)
      : [...[...a.parties].sort().map(countrySlug), kindWord(a.kind), a.head].filter(Boolean).join("-");
  return year === undefined ? base : `${base}-${year}`;
}

/**
 * Given an organization's name and aliases, returns its id: its acronym when it has one ("G20" →
 * "g20", "ASEAN" → "asean"), else its name ("U.S. Navy" → "us-navy", "White House" → "white-house").
 */
export function organizationId(o: { name: string; aliases: readonly string[] }): string {
  const acronym = [o.name, ...o.aliases].find((a) => /^[A-Z][A-Z0-9]{1,7}$/.test(a) && /[A-Z].*[A-Z0-9]/.test(a));
  return slug(acronym ?? o.name) || "organization";
}

/** Given a tariff's identity, returns its id: "us-tariff-japan-automobiles". */
export function tariffId(t: { imposedBy: string; appliesTo: string; product: string }): string {
  return `${countrySlug(t.imposedBy)}-tariff-${countrySlug(t.appliesTo)}-${slug(t.product)}`;
}

/**
 * Given an article's source, publication date and key words (the surnames of the people its
 * lead names, else its first words), returns its id: "kyodo-20251028-takaichi-trump".
 */
export function articleId(source: string, published: string | null, keys: string[]): string {
  const parts = [slug(source.split(/\s+/)[0] ?? source) || "article"];
  if (published !== null) parts.push(published.slice(0, 10).replaceAll("-", ""));
  parts.push(...keys.map(slug).filter(Boolean));
  return parts.join("-");
}

/** Given an id and the ids already taken, returns it, or it with the first free "-2", "-3"… suffix. */
export function freeId(id: string, taken: (id: string) => boolean): string {
  if (!taken(id)) return id;
  for (let n = 2; ; n++) if (!taken(`${id}-${n}`)) return `${id}-${n}`;
}
