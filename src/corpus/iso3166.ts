// ISO 3166-1 country codes: the corpus keys countries by alpha-2 (`JP`); other teams' data
// (travel advisories, statistics) often keys them by alpha-3 (`JPN`). This converts between them.
import worldCountries from "world-countries";

const alpha3ByAlpha2 = new Map<string, string>();
const alpha2ByAlpha3 = new Map<string, string>();
for (const country of worldCountries) {
  alpha3ByAlpha2.set(country.cca2, country.cca3);
  alpha2ByAlpha3.set(country.cca3, country.cca2);
}

/** Given an alpha-2 code (any case), returns its alpha-3 code (`JP` → `JPN`), or null when ISO assigns none. */
export function alpha3FromAlpha2(alpha2: string): string | null {
  return alpha3ByAlpha2.get(alpha2.toUpperCase()) ?? null;
}

/** Given an alpha-3 code (any case), returns its alpha-2 code (`JPN` → `JP`), or null when ISO assigns none. */
export function alpha2FromAlpha3(alpha3: string): string | null {
  return alpha2ByAlpha3.get(alpha3.toUpperCase()) ?? null;
}
