// An agreement's status over time, read the same way by both stores: its status steps oldest
// first (the order of observations.ts) and the status the latest step gives.
import type { AgreementRecord, AgreementStatus, AgreementStatusChangeRecord } from "./format.js";
import { orderObservations, type Observed } from "./observations.js";

/** An agreement status step with its article's publication time, as histories hold them. */
export type ObservedAgreementStatusChange = Observed<AgreementStatusChangeRecord>;

/**
 * Given an agreement record and a lookup of article publication times, returns its status steps
 * oldest first, each carrying its article's publication time. None when the record holds none:
 * `concluded` alone does not say whether the deal was signed, agreed in principle or in force.
 */
export function agreementHistory(agreement: AgreementRecord, publishedAt: (articleId: string) => string | null): ObservedAgreementStatusChange[] {
  return orderObservations((agreement.history ?? []).map((c) => ({ ...c, published: publishedAt(c.evidence.articleId) })));
}

/** Given a status history oldest first, returns the status of its latest step, or null when it has none. */
export function currentStatus(history: readonly ObservedAgreementStatusChange[]): AgreementStatus | null {
  return history.at(-1)?.status ?? null;
}
