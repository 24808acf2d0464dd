// A git merge driver for the flat locale files (src/i18n/*.json): several branches add keys
// side by side, so merge key by key instead of line by line.
// Enable: git config merge.json-keys.driver "node scripts/git/merge-json-keys.mjs %O %A %B"
import { readFileSync, writeFileSync } from 'node:fs';

const [basePath, oursPath, theirsPath] = process.argv.slice(2);
const read = (p) => {
  try {
    return JSON.parse(readFileSync(p, 'utf8') || '{}');
  } catch {
    return null;
  }
};
const [base, ours, theirs] = [read(basePath) ?? {}, read(oursPath), read(theirsPath)];
if (!ours || !theirs) process.exit(1);

let conflict = false;
const merged = {};
for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
  const [b, o, t] = [base[key], ours[key], theirs[key]];
  if (o === t) {
    if (o !== undefined) merged[key] = o;
  } else if (o === b) {
    if (t !== undefined) merged[key] = t;
  } else if (t === b) {
    if (o !== undefined) merged[key] = o;
  } else {
    conflict = true;
    merged[key] = o ?? t;
    console.error(`locale key changed on both sides: ${key}`);
  }
}
const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(oursPath, JSON.stringify(sorted, null, 2) + '\n');
process.exit(conflict ? 1 : 0);
