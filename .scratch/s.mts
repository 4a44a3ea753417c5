import { buildNewsSchema } from "/work/rooms/ecosystem/src/graphql/federation.js";
import { printDirective, printType } from "graphql";
const s = await buildNewsSchema();
for (const d of s.getDirectives()) console.log(d.name, d.isRepeatable, d.locations.join("|"));
console.log(Object.keys(s.getTypeMap()).filter(n => n.includes("__") && !n.startsWith("__")));
