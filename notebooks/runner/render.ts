/**
 * The rendered notebook: one self-contained HTML file (styles inline, charts as inline SVG, no script, nothing
 * fetched), so it opens from a plain folder, an e-mail attachment or a shared drive.
 */
import { markdown, type Block } from './parse.ts';
import { escapeHtml, fmt } from './output.ts';

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5c5c66; --line: #d9d9e0; --accent: #0f4c5c; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); line-height: 1.55;
  max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin-bottom: .25rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { margin-top: 1.6rem; }
.meta { color: var(--muted); font-size: .9rem; margin-bottom: 1.5rem; }
details.src { margin: .75rem 0 .25rem; border-left: 3px solid var(--line); padding-left: .75rem; }
details.src summary { cursor: pointer; color: var(--muted); font-size: .85rem; }
pre { background: #f5f5f7; padding: .75rem; overflow-x: auto; font-size: .82rem; line-height: 1.4; border-radius: 4px; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.out { margin: .5rem 0 1.25rem; }
.chart { margin: .75rem 0; overflow-x: auto; }
.table { overflow-x: auto; margin: .75rem 0; }
table { border-collapse: collapse; font-size: .85rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f5f5f7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.more { color: var(--muted); font-size: .85rem; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: #f1f6f7; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .75rem; }
@media print { details.src { display: none; } }
`;

export interface PageInput {
  title: string;
  blocks: readonly Block[];
  outputs: Map<number, string[]>;
  rowCounts: Map<number, number>;
  source: string;
  warehouse: string;
  builtAt: string | null;
}

export function renderPage(p: PageInput): string {
  const body: string[] = [];
  for (const b of p.blocks) {
    if (b.type === 'prose') {
      body.push(markdown.renderer.render(b.tokens, markdown.options, {}));
      continue;
    }
    const c = b.cell;
    const label =
      c.kind === 'sql'
        ? `SQL · <code>${escapeHtml(c.name ?? '')}</code> · ${fmt.num(p.rowCounts.get(c.index) ?? 0)} baris (rows)`
        : 'TypeScript';
    body.push(
      `<details class="src" id="sel-${c.index}"><summary>Sel ${c.index} (cell) · ${label}</summary><pre><code>${escapeHtml(c.source)}</code></pre></details>`,
    );
    const out = p.outputs.get(c.index) ?? [];
    if (out.length) body.push(`<div class="out">${out.join('\n')}</div>`);
  }
  const built = p.builtAt ? `, dibangun (built) ${escapeHtml(p.builtAt.slice(0, 16))}` : '';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)} · Seimbang</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
<footer>Notebook <code>${escapeHtml(p.source)}</code>, dijalankan (run) ${escapeHtml(new Date().toISOString().slice(0, 16).replace('T', ' '))} UTC
atas gudang data (warehouse) <code>${escapeHtml(p.warehouse)}</code>${built}. Jalankan ulang (re-run): <code>npm run notebooks</code>.
Dokumen internal BKPSDM: angka agregat, tanpa nama atau NIP.</footer>
</body>
</html>
`;
}
