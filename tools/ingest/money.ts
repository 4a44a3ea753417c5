// Amounts of money as news copy writes them — "$550 billion", "$15bn", "US$1 billion", "£1.2bn",
// "€600 billion", "1.4 trillion yen", "C$30 billion", "USD 5 million", "Rs 5,000 crore",
// "200 billion Swiss francs", "$2.5-billion" — with their ISO 4217
// currency, so a commitment records what was pledged and in which money.
import type { Span } from "./textAnalysis.js";

/** An amount of money found in text: its span, value in units of its currency, and the currency. */
export interface MoneyMention extends Span {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** Currency symbols and prefixes, longest first where one starts another ("US$" before "$"). */
const SYMBOLS: Record<string, string> = {
  US$: "USD",
  "U.S.$": "USD",
  A$: "AUD",
  AU$: "AUD",
  C$: "CAD",
  CA$: "CAD",
  NZ$: "NZD",
  HK$: "HKD",
  NT$: "TWD",
  S$: "SGD",
  R$: "BRL",
  $: "USD",
  "£": "GBP",
  "€": "EUR",
  "¥": "JPY",
  "₹": "INR",
  "₩": "KRW",
  "Rs.": "INR",
  Rs: "INR",
  "SFr.": "CHF",
  SFr: "CHF",
  RM: "MYR",
  Rp: "IDR",
};
/** Currency words after the number; "Canadian dollars" before "dollars". */
const WORDS: Record<string, string> = {
  "Canadian dollars": "CAD",
  "Australian dollars": "AUD",
  "Hong Kong dollars": "HKD",
  "Singapore dollars": "SGD",
  "New Zealand dollars": "NZD",
  "U.S. dollars": "USD",
  "US dollars": "USD",
  dollars: "USD",
  yen: "JPY",
  euros: "EUR",
  euro: "EUR",
  "pounds sterling": "GBP",
  pounds: "GBP",
  pound: "GBP",
  sterling: "GBP",
  yuan: "CNY",
  renminbi: "CNY",
  won: "KRW",
  rupees: "INR",
  rupee: "INR",
  "Swiss francs": "CHF",
  francs: "CHF",
  reais: "BRL",
  pesos: "MXN",
  ringgit: "MYR",
  rupiah: "IDR",
  dong: "VND",
  baht: "THB",
  rand: "ZAR",
  riyals: "SAR",
  dirhams: "AED",
  "Taiwan dollars": "TWD",
  "New Taiwan dollars": "TWD",
  "Swiss franc": "CHF",
};
const CODES = [
  ...["USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "CHF", "CAD", "AUD", "BRL", "MXN", "HKD", "SGD", "TWD", "NZD"],
  ...["IDR", "VND", "THB", "MYR", "PHP", "SAR", "AED", "ZAR", "SEK", "NOK", "DKK", "PLN", "TRY"],
];
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  trillion: 1e12,
  // Indian copy counts in lakh (100,000) and crore (10 million): "Rs 5,000 crore".
  lakh: 1e5,
  crore: 1e7,
  tn: 1e12,
  trn: 1e12,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
// "$2.5 billion", "$2.5-billion" (some papers hyphenate), "₹5,000 crore", "$15bn".
const SCALE = String.raw`(?:[\s-]?(thousand|million|billion|trillion|lakh|crore)\b|(bn|mn|mln|bln|tn|trn|m|b|k)\b)?`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const bySize = (a: string, b: string) => b.length - a.length;
const PATTERN = new RegExp(
  [
    // "$550 billion", "US$1 billion", "£6bn", "USD 5 million"
    String.raw`(?<![\p{L}\p{N}])(${[...Object.keys(SYMBOLS).sort(bySize).map(escapeRegExp), ...CODES.map((c) => `${c}\\s?`)].join("|")})\s?${NUMBER}${SCALE}`,
    // "1.4 trillion yen", "25.5 billion pounds", "5 million USD"
    String.raw`(?<![\p{L}\p{N}$£€¥])${NUMBER}${SCALE}\s(${[...Object.keys(WORDS).sort(bySize).map(escapeRegExp), ...CODES].join("|")})(?![\p{L}])`,
  ].join("|"),
  "gu",
);

/**
 * Given a text, returns every amount of money in it, in text order, with its value (the scale
 * word applied: "$15bn" is 15,000,000,000) and ISO 4217 currency. "US$" and "$" are dollars of
 * the United States; other dollars say whose ("C$", "Australian dollars").
 */
export function findMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [whole, symbol, n1, scaleWord1, scaleShort1, n2, scaleWord2, scaleShort2, word] = m;
    const number = n1 ?? n2;
    const scale = SCALES[(scaleWord1 ?? scaleShort1 ?? scaleWord2 ?? scaleShort2 ?? "").toLowerCase()] ?? 1;
    const currency = symbol !== undefined ? (SYMBOLS[symbol.trim()] ?? symbol.trim()) : (WORDS[word] ?? word);
    const value = Number(number.replace(/,/g, ""));
    found.push({ start: m.index, end: m.index + whole.length, text: whole, amount: Math.round(value * scale * 100) / 100, currency });
  }
  return found;
}
