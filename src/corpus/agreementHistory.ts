// An agreement's status over time, read the same way by both stores: its status steps oldest
// first (the order of observations.ts) and the status the latest step gives.
import type { AgreementRecord, AgreementStatus, AgreementStatusChangeRecord, EvidenceRecord } from "./format.js";
import { orderObservations } from "./observations.js";

/** An agreement status step as histories hold it: `effective` null when not stated, with its article's publication time. */
export interface ObservedAgreementStatusChange {
  status: AgreementStatus;
  effective: string | null;
  evidence: EvidenceRecord;
  /** `publishedAt` of the evidence's article, or null when it has none. */
  published: string | null;
}

/** Given a corpus status step and its article's publication time, returns it as histories hold it. */
export function observeAgreementStatusChange(change: AgreementStatusChangeRecord, published: string | null): ObservedAgreementStatusChange {
  const { articleId, quote, start, end } = change.evidence;
  return { status: change.status, effective: change.effective ?? null, evidence: { articleId, quote, start, end }, published };
}

/**
 * Given an agreement record and a lookup of article publication times, returns its status steps
 * oldest first, each carrying its article's publication time. None when the record holds none:
 * `concluded` alone does not say whether the deal was signed, agreed in principle or in force.
 */
export function agreementHistory(
  agreement: AgreementRecord,
  publishedAt: (articleId: string) => string | null,
): ObservedAgreementStatusChange[] {
  return orderObservations((agreement.history ?? []).map((c) => observeAgreementStatusChange(c, publishedAt(c.evidence.articleId))));
}

/** Given a status history oldest first, returns the status of its latest step, or null when it has none. */
export function currentStatus(history: readonly ObservedAgreementStatusChange[]): AgreementStatus | null {
  return history.at(-1)?.status ?? null;
}
