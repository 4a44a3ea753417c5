// The readable name of a tariff, which the corpus does not store: who imposes it, on what,
// from where. One function, so the `Tariff.name` field and the search index say the same thing.
import type { CountryRecord, TariffRecord } from "./format.js";

/**
 * Given a tariff and the countries that impose it and face it, returns its name, e.g.
 * "United States tariff on automobiles from Japan". An unknown country is named by its code.
 */
export function tariffName(
  tariff: TariffRecord,
  imposer: CountryRecord | null | undefined,
  target: CountryRecord | null | undefined,
): string {
  return `${imposer?.name ?? tariff.imposedBy} tariff on ${tariff.product} from ${target?.name ?? tariff.appliesTo}`;
}
