// People the news names by surname alone, known before an article is read: a curated list of
// heads of state and government, trade ministers and negotiators, and heads of international
// bodies prominent in trade news, plus the people of the corpus being merged into. Wire copy
// writes "Trump" or "Lula" without a first name once a figure is famous enough; this is how a
// reader (and the extractor) still knows who is meant.
import type { PersonRecord } from "../../src/corpus/format.js";
import { foldText } from "./foldedText.js";

/** A person known before the article: full name, nationality, and the short forms the news uses. */
export interface KnownPerson {
  name: string;
  nationality: string | null;
  /** Short forms, such as the family name ("Trump", "von der Leyen") or a customary name ("Lula"). */
  aliases: string[];
  /** The office held in 2025, for an article that names the person without one ("Trump said"). */
  office: { title: string; country: string } | null;
}

/** Offices held through 2025 by people the news often names without a title. */
const OFFICES: Record<string, [string, string]> = {
  "Donald Trump": ["President", "US"],
  "JD Vance": ["Vice President", "US"],
  "Scott Bessent": ["Treasury Secretary", "US"],
  "Howard Lutnick": ["Commerce Secretary", "US"],
  "Jamieson Greer": ["Trade Representative", "US"],
  "Marco Rubio": ["Secretary of State", "US"],
  "Xi Jinping": ["President", "CN"],
  "Li Qiang": ["Premier", "CN"],
  "He Lifeng": ["Vice Premier", "CN"],
  "Wang Yi": ["Foreign Minister", "CN"],
  "Wang Wentao": ["Commerce Minister", "CN"],
  "Lee Jae-myung": ["President", "KR"],
  "Keir Starmer": ["Prime Minister", "GB"],
  "Mark Carney": ["Prime Minister", "CA"],
  "Claudia Sheinbaum": ["President", "MX"],
  "Luiz Inacio Lula da Silva": ["President", "BR"],
  "Narendra Modi": ["Prime Minister", "IN"],
  "Prabowo Subianto": ["President", "ID"],
  "Anwar Ibrahim": ["Prime Minister", "MY"],
  "Anthony Albanese": ["Prime Minister", "AU"],
  "Ursula von der Leyen": ["Commission President", "EU"],
  "Maros Sefcovic": ["Trade Commissioner", "EU"],
  "Emmanuel Macron": ["President", "FR"],
  "Friedrich Merz": ["Chancellor", "DE"],
  "Giorgia Meloni": ["Prime Minister", "IT"],
  "Vladimir Putin": ["President", "RU"],
  "Volodymyr Zelenskyy": ["President", "UA"],
  "Lawrence Wong": ["Prime Minister", "SG"],
  "Ferdinand Marcos Jr.": ["President", "PH"],
  "Cyril Ramaphosa": ["President", "ZA"],
  "Javier Milei": ["President", "AR"],
};

/**
 * [full name, nationality, short forms]. The family name is the short form unless another is
 * given; names whose short form is not their last word (Chinese and Korean family-name-first
 * names, "Lula", "Prabowo") list it. Facts as of 2025.
 */
const CURATED: [string, string, ...string[]][] = [
  // United States
  ["Donald Trump", "US"],
  ["JD Vance", "US"],
  ["Joe Biden", "US"],
  ["Scott Bessent", "US"],
  ["Howard Lutnick", "US"],
  ["Jamieson Greer", "US"],
  ["Marco Rubio", "US"],
  ["Kevin Hassett", "US"],
  ["Peter Navarro", "US"],
  ["Karoline Leavitt", "US"],
  ["Jerome Powell", "US"],
  ["Brooke Rollins", "US"],
  ["Robert Lighthizer", "US"],
  ["Steven Mnuchin", "US"],
  ["Katherine Tai", "US"],
  ["Gina Raimondo", "US"],
  ["Janet Yellen", "US"],
  ["Antony Blinken", "US"],
  ["Kamala Harris", "US"],
  ["Barack Obama", "US"],
  // China
  ["Xi Jinping", "CN", "Xi"],
  ["Li Qiang", "CN", "Li"],
  ["He Lifeng", "CN", "He"],
  ["Wang Yi", "CN", "Wang"],
  ["Wang Wentao", "CN", "Wang"],
  ["Li Chenggang", "CN", "Li"],
  ["Liu He", "CN", "Liu"],
  ["Lin Jian", "CN", "Lin"],
  ["Mao Ning", "CN", "Mao"],
  ["Guo Jiakun", "CN", "Guo"],
  // Japan
  ["Shigeru Ishiba", "JP"],
  ["Sanae Takaichi", "JP"],
  ["Ryosei Akazawa", "JP"],
  ["Shinzo Abe", "JP"],
  ["Fumio Kishida", "JP"],
  ["Yoshihide Suga", "JP"],
  ["Toshimitsu Motegi", "JP"],
  ["Yoji Muto", "JP"],
  ["Takeshi Iwaya", "JP"],
  ["Katsunobu Kato", "JP"],
  // South Korea and Taiwan
  ["Lee Jae-myung", "KR", "Lee"],
  ["Yoon Suk Yeol", "KR", "Yoon"],
  ["Moon Jae-in", "KR", "Moon"],
  ["Han Duck-soo", "KR", "Han"],
  ["Kim Jung-kwan", "KR", "Kim"],
  ["Yeo Han-koo", "KR", "Yeo"],
  ["Koo Yun-cheol", "KR", "Koo"],
  ["Cho Hyun", "KR", "Cho"],
  ["Lai Ching-te", "TW", "Lai"],
  ["Tsai Ing-wen", "TW", "Tsai"],
  // European Union and Europe
  ["Ursula von der Leyen", "DE", "von der Leyen"],
  ["Maros Sefcovic", "SK"],
  ["Kaja Kallas", "EE"],
  ["Antonio Costa", "PT"],
  ["Christine Lagarde", "FR"],
  ["Emmanuel Macron", "FR"],
  ["Friedrich Merz", "DE"],
  ["Olaf Scholz", "DE"],
  ["Giorgia Meloni", "IT"],
  ["Pedro Sanchez", "ES"],
  ["Viktor Orban", "HU"],
  ["Donald Tusk", "PL"],
  ["Karin Keller-Sutter", "CH"],
  ["Guy Parmelin", "CH"],
  ["Vladimir Putin", "RU"],
  ["Volodymyr Zelenskyy", "UA", "Zelenskyy"],
  ["Recep Tayyip Erdogan", "TR"],
  // United Kingdom
  ["Keir Starmer", "GB"],
  ["Rishi Sunak", "GB"],
  ["Boris Johnson", "GB"],
  ["Liz Truss", "GB"],
  ["Theresa May", "GB"],
  ["Rachel Reeves", "GB"],
  ["Jonathan Reynolds", "GB"],
  ["Peter Kyle", "GB"],
  ["David Lammy", "GB"],
  ["Kemi Badenoch", "GB"],
  // The Americas
  ["Mark Carney", "CA"],
  ["Justin Trudeau", "CA"],
  ["Dominic LeBlanc", "CA"],
  ["Melanie Joly", "CA"],
  ["Doug Ford", "CA"],
  ["Claudia Sheinbaum", "MX"],
  ["Marcelo Ebrard", "MX"],
  ["Luiz Inacio Lula da Silva", "BR", "Lula"],
  ["Jair Bolsonaro", "BR"],
  ["Fernando Haddad", "BR"],
  ["Geraldo Alckmin", "BR"],
  ["Mauro Vieira", "BR"],
  ["Javier Milei", "AR"],
  ["Gustavo Petro", "CO"],
  // South and Southeast Asia, Oceania
  ["Narendra Modi", "IN"],
  ["Piyush Goyal", "IN"],
  ["Nirmala Sitharaman", "IN"],
  ["Subrahmanyam Jaishankar", "IN", "Jaishankar"],
  ["Shehbaz Sharif", "PK"],
  ["Muhammad Yunus", "BD"],
  ["To Lam", "VN", "Lam"],
  ["Pham Minh Chinh", "VN", "Chinh"],
  ["Nguyen Hong Dien", "VN", "Dien"],
  ["Prabowo Subianto", "ID", "Prabowo"],
  ["Airlangga Hartarto", "ID", "Airlangga"],
  ["Sri Mulyani Indrawati", "ID", "Sri Mulyani"],
  ["Joko Widodo", "ID", "Jokowi"],
  ["Hasan Nasbi", "ID"],
  ["Paetongtarn Shinawatra", "TH", "Paetongtarn"],
  ["Anutin Charnvirakul", "TH", "Anutin"],
  ["Pichai Chunhavajira", "TH", "Pichai"],
  ["Anwar Ibrahim", "MY", "Anwar"],
  ["Tengku Zafrul Aziz", "MY", "Zafrul"],
  ["Ferdinand Marcos Jr.", "PH", "Marcos"],
  ["Lawrence Wong", "SG", "Wong"],
  ["Gan Kim Yong", "SG", "Gan"],
  ["Hun Manet", "KH", "Hun Manet"],
  ["Anthony Albanese", "AU"],
  ["Christopher Luxon", "NZ"],
  // Middle East and Africa
  ["Mohammed bin Salman", "SA"],
  ["Benjamin Netanyahu", "IL"],
  ["Cyril Ramaphosa", "ZA"],
  ["Bola Tinubu", "NG"],
  ["William Ruto", "KE"],
  // Heads of international bodies
  ["Ngozi Okonjo-Iweala", "NG"],
  ["Kristalina Georgieva", "BG"],
  ["Ajay Banga", "US"],
  ["Antonio Guterres", "PT"],
  ["Mark Rutte", "NL"],
];

// The curated list as known people, keyed by folded name; built once, as every article asks.
const CURATED_PEOPLE: [string, KnownPerson][] = CURATED.map(([name, nationality, ...aliases]) => {
  const office = OFFICES[name];
  return [
    foldText(name),
    {
      name,
      nationality,
      aliases: aliases.length > 0 ? aliases : [lastNameOf(name)],
      office: office === undefined ? null : { title: office[0], country: office[1] },
    },
  ];
});

/** Short forms that, alone, are never taken as a known person: too common as words or as other people's names. */
const AMBIGUOUS_ALONE = new Set([
  "May",
  "Lee",
  "Li",
  "He",
  "Wang",
  "Kim",
  "Han",
  "Lin",
  "Mao",
  "Moon",
  "Lam",
  "Ford",
  "Cho",
  "Gan",
  "Wong",
  "Liu",
]);

/** Known people and the short forms that point at exactly one of them. */
export interface KnownPeople {
  /** Given a full name (case and accents aside), returns the known person, if any. */
  byName(name: string): KnownPerson | undefined;
  /** Given a short form as written ("Trump", "von der Leyen"), returns the one known person it names, if exactly one. */
  byAlias(alias: string): KnownPerson | undefined;
  /** Every short form that names exactly one known person, longest first (for finding them in text). */
  aliases: string[];
}

/**
 * Given the people of the corpus being merged into, returns them and the curated list as known
 * people. The corpus's own records come first: a person it holds keeps its name and aliases.
 */
export function knownPeople(corpusPeople: readonly PersonRecord[] = []): KnownPeople {
  const people: KnownPerson[] = corpusPeople.map((p) => {
    const role = p.roles.find((r) => r.current && r.country != null);
    return {
      name: p.name,
      nationality: p.nationality ?? null,
      aliases: p.aliases,
      office: role === undefined ? null : { title: role.title, country: role.country! },
    };
  });
  const names = new Set(people.map((p) => foldText(p.name)));
  for (const [folded, person] of CURATED_PEOPLE) if (!names.has(folded)) people.push(person);
  const byName = new Map(people.map((p) => [foldText(p.name), p]));
  const candidates = new Map<string, KnownPerson[]>();
  for (const p of people) {
    for (const alias of p.aliases) {
      if (alias === p.name || AMBIGUOUS_ALONE.has(alias)) continue;
      const list = candidates.get(alias) ?? [];
      if (!list.includes(p)) list.push(p);
      candidates.set(alias, list);
    }
  }
  const unique = new Map([...candidates].filter(([, list]) => list.length === 1).map(([alias, list]) => [alias, list[0]]));
  const folded = new Map([...unique].map(([alias, person]) => [foldText(alias), person]));
  return {
    byName: (name) => byName.get(foldText(name)),
    byAlias: (alias) => unique.get(alias) ?? folded.get(foldText(alias)),
    aliases: [...unique.keys()].sort((a, b) => b.length - a.length),
  };
}

// Private: the last word of a name, a suffix such as "Jr." aside.
function lastNameOf(name: string): string {
  const words = name.split(" ").filter((w) => !/^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/.test(w));
  return words[words.length - 1];
}
