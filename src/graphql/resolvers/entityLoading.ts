// Loading an entity of any kind by its key, through the request's loaders, so the hits of a
// search or a related panel cost one batch per kind of entity, however many there are.
import type { Context } from "../context.js";
import type { AgreementRecord, ArticleRecord, CountryRecord, PersonRecord, TariffRecord } from "../../corpus/format.js";
import type { SearchTarget } from "../../store/Store.js";

/** Any record a search or a related panel can show. */
export type EntityRecord = ArticleRecord | PersonRecord | CountryRecord | AgreementRecord | TariffRecord;

/** Given a kind and an id (a country's code), returns the record, or null when it does not exist. */
export function loadEntity(ctx: Context, type: SearchTarget, id: string): Promise<EntityRecord | null> {
  switch (type) {
    case "ARTICLE":
      return ctx.loaders.article.load(id);
    case "PERSON":
      return ctx.loaders.person.load(id);
    case "COUNTRY":
      return ctx.loaders.country.load(id.toUpperCase());
    case "AGREEMENT":
      return ctx.loaders.agreement.load(id);
    case "TARIFF":
      return ctx.loaders.tariff.load(id);
  }
}
