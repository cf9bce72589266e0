// Writes the runtime `config.js` an app loads from the web server root:
//   node scripts/write-config.mjs <output file>
// The URLs come from SAAI_API_URL and SAAI_WS_URL.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const [output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node scripts/write-config.mjs <output file>");
  process.exit(2);
}

const apiUrl = process.env.SAAI_API_URL ?? "";
const wsUrl = process.env.SAAI_WS_URL ?? "";
if (!apiUrl) {
  console.error("SAAI_API_URL is not set: the app would not know its API");
  process.exit(1);
}

const config = JSON.stringify({ apiUrl, wsUrl });
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `window.SAAI_CONFIG = ${config};\n`);
console.log(`wrote ${output}`);
