// Text folding for matching names: case and diacritics are ignored, so "Hernández",
// "hernandez" and "HERNANDEZ" meet. Used wherever a client's words are compared with the corpus.

/** Given any text, returns it lower-cased with combining diacritics removed (NFD). */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}
