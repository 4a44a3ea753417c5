// One article's extraction pipeline, in the order each stage needs the last: tokens and
// sentences, gazetteer hits, organizations, named people, country mentions, person coreference,
// agreements, tariffs, commitments. The result is findings with spans; records.ts gives them ids.
import { findAgreements } from "./agreements.js";
import type { ArticleText } from "./articleText.js";
import { findCommitments } from "./commitments.js";
import { findCountryMentions } from "./countries.js";
import type { AgreementFinding, CountryMention, OrganizationFinding, PersonFinding, TariffFinding, UnresolvedFinding } from "./findings.js";
import { knownPeople, type KnownPeople } from "./knownPeople.js";
import { countryOfDateline, findSurfaces } from "./gazetteer.js";
import { findOrganizations } from "./organizations.js";
import { findNamedPeople } from "./people.js";
import { resolvePersonReferences } from "./personReferences.js";
import { findTariffs } from "./tariffs.js";
import { analyseText, type AnalysedText } from "./textAnalysis.js";

/** Everything found in one article, spans relative to its body. */
export interface ArticleFindings {
  article: ArticleText;
  text: AnalysedText;
  people: PersonFinding[];
  organizations: OrganizationFinding[];
  countries: CountryMention[];
  agreements: AgreementFinding[];
  tariffs: TariffFinding[];
  unresolved: UnresolvedFinding[];
}

/**
 * Given a parsed article, its publication date (YYYY-MM-DD…, or null when unknown, in which
 * case "in July" and "on Friday" stay unresolved) and the people known beforehand (those of the
 * corpus being merged into, and a curated list), returns the entities it mentions and the
 * references it could not resolve.
 */
export function extractFindings(article: ArticleText, published: string | null, known: KnownPeople = knownPeople()): ArticleFindings {
  const text = analyseText(article.body);
  const hits = findSurfaces(article.body);
  const { organizations, opaque } = findOrganizations(text, hits);
  const organizationSpans = organizations.flatMap((o) => o.mentions);
  const named = findNamedPeople(text, hits, organizations, known);
  const taken = [...named.vessels, ...opaque, ...named.people.flatMap((p) => p.mentions)];
  const countries = findCountryMentions(text, hits, taken);
  const { people, unresolved: personProblems } = resolvePersonReferences(
    text,
    named,
    hits,
    known,
    organizationSpans,
    countryOfDateline(article.dateline ?? null),
  );
  const { agreements, unresolved: agreementProblems } = findAgreements(text, countries, published, people);
  const { tariffs, unresolved: tariffProblems } = findTariffs(text, countries, people, agreements, published);
  findCommitments(text, countries, agreements, tariffs);
  const unresolved = [...personProblems, ...agreementProblems, ...tariffProblems].sort((a, b) => a.start - b.start);
  return { article, text, people, organizations, countries, agreements, tariffs, unresolved };
}
