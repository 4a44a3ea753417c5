// The organization gazetteer: international bodies, government bodies, companies, parties and
// news organizations that trade news names again and again, with their kinds, the short forms
// the copy uses ("WTO", "G7", "USTR"), the state each belongs to and, for some bodies, members.
import type { OrganizationKind } from "./findings.js";

/** One curated organization. */
export interface GazetteerOrganization {
  name: string;
  kind: OrganizationKind;
  /** Other names and acronyms, as written ("WTO", "Group of Seven", "G-7"). */
  aliases: string[];
  /** The state it belongs to; null for an international body without one. */
  country: string | null;
  members: string[];
}

const G7 = ["CA", "FR", "DE", "IT", "JP", "GB", "US"];
const ASEAN = ["BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"];

// [name, kind, country, aliases, members]
const ENTRIES: [string, OrganizationKind, string | null, string[], string[]?][] = [
  // International bodies
  ["World Trade Organization", "INTERNATIONAL_BODY", null, ["WTO", "World Trade Organisation"]],
  ["European Commission", "INTERNATIONAL_BODY", "EU", ["EU Commission"]],
  ["European Parliament", "INTERNATIONAL_BODY", "EU", []],
  ["European Council", "INTERNATIONAL_BODY", "EU", []],
  ["European Central Bank", "INTERNATIONAL_BODY", "EU", ["ECB"]],
  ["Association of Southeast Asian Nations", "INTERNATIONAL_BODY", null, ["ASEAN"], ASEAN],
  ["Group of Seven", "INTERNATIONAL_BODY", null, ["G7", "G-7", "Group of 7"], G7],
  ["Group of 20", "INTERNATIONAL_BODY", null, ["G20", "G-20", "Group of Twenty"]],
  ["Organization of the Petroleum Exporting Countries", "INTERNATIONAL_BODY", null, ["OPEC"]],
  ["OPEC+", "INTERNATIONAL_BODY", null, []],
  ["International Monetary Fund", "INTERNATIONAL_BODY", null, ["IMF"]],
  ["World Bank", "INTERNATIONAL_BODY", null, []],
  ["United Nations", "INTERNATIONAL_BODY", null, ["U.N.", "UN"]],
  ["UN Conference on Trade and Development", "INTERNATIONAL_BODY", null, ["UNCTAD", "United Nations Conference on Trade and Development"]],
  ["North Atlantic Treaty Organization", "INTERNATIONAL_BODY", null, ["NATO"]],
  [
    "Organisation for Economic Co-operation and Development",
    "INTERNATIONAL_BODY",
    null,
    ["OECD", "Organization for Economic Cooperation and Development"],
  ],
  ["Asia-Pacific Economic Cooperation", "INTERNATIONAL_BODY", null, ["APEC"]],
  ["BRICS", "INTERNATIONAL_BODY", null, []],
  ["Mercosur", "INTERNATIONAL_BODY", null, ["Mercosul"], ["AR", "BR", "PY", "UY"]],
  ["African Union", "INTERNATIONAL_BODY", null, []],
  ["Gulf Cooperation Council", "INTERNATIONAL_BODY", null, ["GCC"]],
  ["Shanghai Cooperation Organisation", "INTERNATIONAL_BODY", null, ["SCO", "Shanghai Cooperation Organization"]],
  ["Asian Development Bank", "INTERNATIONAL_BODY", null, ["ADB"]],
  ["World Health Organization", "INTERNATIONAL_BODY", null, ["WHO"]],
  // Government bodies
  ["Commerce Department", "GOVERNMENT_BODY", "US", ["Department of Commerce", "U.S. Commerce Department", "US Commerce Department"]],
  ["Treasury Department", "GOVERNMENT_BODY", "US", ["Department of the Treasury", "U.S. Treasury Department"]],
  ["State Department", "GOVERNMENT_BODY", "US", ["Department of State", "U.S. State Department"]],
  ["Office of the U.S. Trade Representative", "GOVERNMENT_BODY", "US", ["USTR", "Office of the United States Trade Representative"]],
  ["White House", "GOVERNMENT_BODY", "US", []],
  ["Federal Reserve", "GOVERNMENT_BODY", "US", ["Fed", "U.S. Federal Reserve"]],
  ["U.S. Customs and Border Protection", "GOVERNMENT_BODY", "US", ["Customs and Border Protection", "CBP"]],
  ["Ministry of Commerce", "GOVERNMENT_BODY", "CN", ["MOFCOM"]],
  ["Ministry of Economy, Trade and Industry", "GOVERNMENT_BODY", "JP", ["METI"]],
  ["Bank of Japan", "GOVERNMENT_BODY", "JP", ["BOJ"]],
  ["People's Bank of China", "GOVERNMENT_BODY", "CN", ["PBOC"]],
  ["Bank of Korea", "GOVERNMENT_BODY", "KR", []],
  ["Bank of England", "GOVERNMENT_BODY", "GB", []],
  ["Ministry of External Affairs", "GOVERNMENT_BODY", "IN", []],
  ["Kremlin", "GOVERNMENT_BODY", "RU", []],
  ["Downing Street", "GOVERNMENT_BODY", "GB", []],
  ["Elysee Palace", "GOVERNMENT_BODY", "FR", ["Élysée Palace"]],
  ["Blue House", "GOVERNMENT_BODY", "KR", []],
  // Companies
  ["Toyota Motor", "COMPANY", "JP", ["Toyota", "Toyota Motor Corp.", "Toyota Motor Corporation"]],
  ["Honda Motor", "COMPANY", "JP", ["Honda", "Honda Motor Co."]],
  ["Nissan Motor", "COMPANY", "JP", ["Nissan"]],
  ["Sony", "COMPANY", "JP", ["Sony Group"]],
  ["Nippon Steel", "COMPANY", "JP", ["Nippon Steel Corp."]],
  ["SoftBank", "COMPANY", "JP", ["SoftBank Group"]],
  ["Nvidia", "COMPANY", "US", ["NVIDIA"]],
  ["Boeing", "COMPANY", "US", []],
  ["Apple", "COMPANY", "US", ["Apple Inc."]],
  ["Tesla", "COMPANY", "US", []],
  ["Intel", "COMPANY", "US", []],
  ["Micron Technology", "COMPANY", "US", ["Micron"]],
  ["Microsoft", "COMPANY", "US", []],
  ["Amazon", "COMPANY", "US", []],
  ["Alphabet", "COMPANY", "US", ["Google"]],
  ["General Motors", "COMPANY", "US", ["GM"]],
  ["Ford Motor", "COMPANY", "US", ["Ford Motor Co."]],
  ["U.S. Steel", "COMPANY", "US", ["United States Steel"]],
  ["Caterpillar", "COMPANY", "US", []],
  ["Walmart", "COMPANY", "US", []],
  ["Hyundai Motor", "COMPANY", "KR", ["Hyundai", "Hyundai Motor Group"]],
  ["Kia", "COMPANY", "KR", []],
  ["Samsung Electronics", "COMPANY", "KR", ["Samsung"]],
  ["SK Hynix", "COMPANY", "KR", []],
  ["LG Energy Solution", "COMPANY", "KR", []],
  ["Taiwan Semiconductor Manufacturing Co.", "COMPANY", "TW", ["TSMC", "Taiwan Semiconductor Manufacturing"]],
  ["Foxconn", "COMPANY", "TW", []],
  ["Huawei Technologies", "COMPANY", "CN", ["Huawei", "Huawei Technologies Co."]],
  ["BYD", "COMPANY", "CN", []],
  ["CATL", "COMPANY", "CN", []],
  ["Volkswagen", "COMPANY", "DE", ["VW"]],
  ["BMW", "COMPANY", "DE", []],
  ["Mercedes-Benz", "COMPANY", "DE", []],
  ["Stellantis", "COMPANY", "NL", []],
  ["Airbus", "COMPANY", "FR", []],
  ["Petrobras", "COMPANY", "BR", []],
  ["Embraer", "COMPANY", "BR", []],
  ["Saudi Aramco", "COMPANY", "SA", ["Aramco"]],
  ["Tata Motors", "COMPANY", "IN", []],
  // News organizations
  ["Reuters", "COMPANY", "GB", []],
  ["Bloomberg", "COMPANY", "US", ["Bloomberg News"]],
  ["Associated Press", "OTHER", "US", ["AP", "The Associated Press"]],
  ["Agence France-Presse", "OTHER", "FR", ["AFP"]],
  ["Kyodo News", "OTHER", "JP", ["Kyodo"]],
  ["Jiji Press", "OTHER", "JP", ["Jiji"]],
  ["NHK", "OTHER", "JP", []],
  ["Nikkei", "COMPANY", "JP", []],
  ["Xinhua News Agency", "OTHER", "CN", ["Xinhua"]],
  ["Vietnam News Agency", "OTHER", "VN", ["VNA"]],
  ["Yonhap News Agency", "OTHER", "KR", ["Yonhap"]],
  ["Antara", "OTHER", "ID", ["Antara News Agency"]],
  ["Bernama", "OTHER", "MY", []],
  ["Press Trust of India", "OTHER", "IN", ["PTI"]],
  ["Korean Central News Agency", "OTHER", "KP", ["KCNA"]],
  // Political parties
  ["Liberal Democratic Party", "POLITICAL_PARTY", "JP", ["LDP"]],
  ["Republican Party", "POLITICAL_PARTY", "US", ["GOP"]],
  ["Chinese Communist Party", "POLITICAL_PARTY", "CN", ["Communist Party of China", "CCP", "CPC"]],
  ["Labour Party", "POLITICAL_PARTY", "GB", []],
  ["Conservative Party", "POLITICAL_PARTY", "GB", []],
  ["Bharatiya Janata Party", "POLITICAL_PARTY", "IN", ["BJP"]],
];

/** The curated organizations. */
export const CURATED_ORGANIZATIONS: GazetteerOrganization[] = ENTRIES.map(([name, kind, country, aliases, members]) => ({
  name,
  kind,
  country,
  aliases,
  members: members ?? [],
}));
