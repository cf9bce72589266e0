// Lays out an app's build for static hosting at the domain root:
//   node scripts/stage-amplify.mjs <app>
// Each app is built with its base path (/admin/, ...), so its files go under
// that folder, `config.js` goes to the root, and the root page forwards to
// the app. The result is <app>/amplify-site/.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const app = process.argv[2];
const apps = ["saai", "admin", "trabajador"];
if (!apps.includes(app)) {
  console.error(`usage: node scripts/stage-amplify.mjs <${apps.join("|")}>`);
  process.exit(2);
}

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, app, "dist");
const site = join(root, app, "amplify-site");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`${dist} has no build: run the app's build first`);
  process.exit(1);
}

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(dist, join(site, app), { recursive: true });
writeFileSync(
  join(site, "index.html"),
  `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/${app}/">` +
    `<a href="/${app}/">SAAI</a>\n`,
);
try {
  execFileSync(
    process.execPath,
    [join(root, "scripts", "write-config.mjs"), join(site, "config.js")],
    { stdio: "inherit" },
  );
} catch (error) {
  process.exit(error.status ?? 1);
}
