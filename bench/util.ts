/** Helpers shared by the benchmarks. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DOC = join(ROOT, 'docs/benchmarks.md');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function machine(): string {
  return `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, measured ${new Date().toISOString().slice(0, 10)}`;
}

/** Replace (or append) the section `## title` of docs/benchmarks.md, keeping the other sections. */
export function writeSection(title: string, body: string): void {
  const head = '# Benchmarks\n\nWritten by `npm run bench`; each section is replaced when its benchmark runs again.\n';
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : head;
  const marker = `## ${title}\n`;
  const section = `${marker}\n${body.trim()}\n`;
  const start = doc.indexOf(marker);
  if (start === -1) doc = `${doc.trimEnd()}\n\n${section}`;
  else {
    const next = doc.indexOf('\n## ', start + marker.length);
    doc = doc.slice(0, start) + section + (next === -1 ? '' : doc.slice(next));
  }
  writeFileSync(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
}
