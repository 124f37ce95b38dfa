/** Run one notebook: parse, compile its cells to a module, run it with the helpers, render the page. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { cellsOf, NotebookSyntaxError, parseNotebook, type Cell } from './parse.ts';
import { compileCells, lineMap, type Compiled } from './compile.ts';
import { fmt, md, table, toHtml } from './output.ts';
import { query, type Warehouse } from './warehouse.ts';
import { renderPage } from './render.ts';

/** A notebook that failed: which one, which cell, what happened. */
export class NotebookError extends Error {
  constructor(readonly notebook: string, readonly cell: Cell | null, readonly line: number | null, readonly detail: string) {
    const where = cell
      ? `cell ${cell.index} (line ${line ?? cell.line}, ${cell.kind === 'sql' ? `sql ${cell.name}` : 'ts'})`
      : line ? `line ${line}` : 'before the first cell';
    super(`${notebook}: ${where}: ${detail}`);
    this.name = 'NotebookError';
  }
}

/** Plot draws into a document; the runner's is jsdom's, so charts are made as SVG at run time. */
function ensureDom(): void {
  const g = globalThis as { window?: unknown; document?: unknown };
  if (g.document) return;
  // jsdom's "not implemented" notices (canvas) would interleave with the runner's lines; the error below says it
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
  g.window = window;
  g.document = window.document;
}

/** An NIP (18 digits: birth date, appointment, sex, serial) as it may be written; never in a rendered notebook. */
const NIP_LIKE = /(?<!\d)(19|20)\d{6}[ .]?\d{6}[ .]?[12][ .]?\d{3}(?!\d)/;

let runCount = 0;

export interface RunOptions {
  /** where the generated modules go: inside the repository, so `#domain/…` imports resolve */
  workDir: string;
  /** shown in messages and in the page: the notebook's path as the user knows it */
  displayPath: string;
  warehouse: Warehouse;
  warehouseLabel: string;
}

export interface RunResult {
  title: string;
  html: string;
  cells: number;
  charts: number;
  ms: number;
}

export async function runNotebook(file: string, o: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const text = readFileSync(file, 'utf8');
  let parsed: ReturnType<typeof parseNotebook>;
  try {
    parsed = parseNotebook(text);
  } catch (e) {
    if (e instanceof NotebookSyntaxError) throw new NotebookError(o.displayPath, null, e.line, e.message);
    throw e;
  }
  const cells = cellsOf(parsed.blocks);
  const compiled = compileCells(cells, o.displayPath);
  const outputs = new Map<number, string[]>(cells.map((c) => [c.index, []]));
  const rowCounts = new Map<number, number>();
  let current = 0;
  let charts = 0;
  ensureDom();
  const sql = (text: string, params?: Record<string, unknown> | unknown[]) => query(o.warehouse.conn, text, params);
  (globalThis as Record<string, unknown>).__seimbangNotebook = {
    Plot,
    fmt,
    md,
    table,
    sql,
    settings: structuredClone(o.warehouse.settings),
    display: (...xs: unknown[]) => {
      for (const x of xs) {
        const html = toHtml(x);
        if (html.includes('<svg')) charts++;
        outputs.get(current)?.push(html);
      }
    },
    nb: {
      enter: (i: number) => (current = i),
      sqlCell: async (text: string) => {
        const rows = await sql(text);
        rowCounts.set(current, rows.length);
        return rows;
      },
    },
  };
  mkdirSync(o.workDir, { recursive: true });
  const base = path.basename(file, path.extname(file)).replace(/[^\w-]/g, '_');
  const modPath = path.join(o.workDir, `${base}-${process.pid}-${++runCount}.ts`);
  writeFileSync(modPath, compiled.source);
  try {
    await import(pathToFileURL(modPath).href);
  } catch (e) {
    throw toNotebookError(e, compiled, cells, current, modPath, o.displayPath);
  } finally {
    rmSync(modPath, { force: true });
    delete (globalThis as Record<string, unknown>).__seimbangNotebook;
  }
  const html = renderPage({
    title: parsed.title || base,
    blocks: parsed.blocks,
    outputs,
    rowCounts,
    source: o.displayPath,
    warehouse: o.warehouseLabel,
    builtAt: o.warehouse.builtAt,
  });
  const nip = NIP_LIKE.exec(html);
  if (nip) {
    throw new NotebookError(o.displayPath, null, null, `the rendered notebook contains what looks like an NIP (${nip[0].slice(0, 4)}…): personal data must not appear in a notebook's output; aggregate it`);
  }
  return { title: parsed.title || base, html, cells: cells.length, charts, ms: performance.now() - t0 };
}

function toNotebookError(e: unknown, compiled: Compiled, cells: Cell[], current: number, modPath: string, notebook: string): NotebookError {
  const err = e instanceof Error ? e : new Error(String(e));
  const message = err.message.split('\n').filter((l) => l.trim() !== '');
  // a compile error (esbuild through tsx) names the module's line: map it back to the notebook
  const file = path.basename(modPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`${file}:(\\d+):(\\d+):?\\s*(?:ERROR:)?\\s*(.*)`).exec(err.message) ?? new RegExp(`${file}:(\\d+):(\\d+)`).exec(err.stack ?? '');
  const mapped = at ? lineMap(compiled, Number(at[1])) : null;
  const compileError = current === 0 && mapped !== null;
  const cell = compileError ? mapped.cell : (cells.find((c) => c.index === current) ?? null);
  const line = mapped && mapped.cell === cell ? mapped.line : null;
  let detail = compileError && at?.[3] ? at[3] : (message.find((l) => !l.includes(modPath)) ?? err.name);
  if (!compileError && err.name && err.name !== 'Error' && !detail.startsWith(err.name)) detail = `${err.name}: ${detail}`;
  // Plot draws colour-ramp legends on a canvas, which a server-side DOM does not have
  if (/getContext|fillStyle|drawImage/.test(detail)) detail += ' (a chart needs a canvas, e.g. a continuous colour legend: the runner draws SVG only; use legend: false or a categorical scale)';
  return new NotebookError(notebook, cell, line, detail.replaceAll(modPath, notebook));
}
