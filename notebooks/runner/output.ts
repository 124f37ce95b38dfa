/**
 * What a cell shows: `display(x)` appends an output to the running cell. Everything becomes static HTML at run
 * time (charts as inline SVG), so a rendered notebook is one file with no script and nothing to fetch.
 */
import { markdown } from './parse.ts';

/** HTML that is shown as it is (a table, rendered Markdown); anything else is escaped. */
export class Html {
  constructor(readonly html: string) {}
}

export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Markdown rendered to HTML: `display(md(\`Unit paling timpang: **${name}**\`))`. */
export function md(text: string): Html {
  return new Html(markdown.render(text));
}

const nf = (digits: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const monthF = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateF = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Indonesian number and date formats (decimal comma, thousands dot). */
export const fmt = {
  num: (x: number | null | undefined, digits = 0) => (x == null || !Number.isFinite(x) ? '–' : nf(digits).format(x)),
  signed: (x: number | null | undefined, digits = 2) =>
    x == null || !Number.isFinite(x) ? '–' : (x > 0 ? '+' : x < 0 ? '−' : '') + nf(digits).format(Math.abs(x)),
  pct: (x: number | null | undefined, digits = 0) => (x == null || !Number.isFinite(x) ? '–' : `${nf(digits).format(x * 100)} %`),
  month: (d: Date | null | undefined) => (d ? monthF.format(d) : '–'),
  date: (d: Date | null | undefined) => (d ? dateF.format(d) : '–'),
};

type Row = Record<string, unknown>;
export interface TableOptions<R extends Row> {
  /** columns to show, in order, with their headings (default: every key of the first row) */
  columns?: { [K in keyof R]?: string };
  /** how to write a column's values (default: numbers with fmt.num(x, 2), dates as dates) */
  format?: { [K in keyof R]?: (v: R[K], row: R) => string };
  /** show at most this many rows and say how many were left out */
  limit?: number;
  caption?: string;
}

function cellText(v: unknown): string {
  if (v == null) return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? fmt.num(v) : fmt.num(v, 2);
  if (typeof v === 'bigint') return fmt.num(Number(v));
  if (v instanceof Date) return fmt.date(v);
  if (Array.isArray(v)) return v.map(cellText).join(', ');
  return String(v);
}

/** An HTML table of row objects; numbers right-aligned. */
export function table<R extends Row>(rows: readonly R[], options: TableOptions<R> = {}): Html {
  const keys = (options.columns ? Object.keys(options.columns) : Object.keys(rows[0] ?? {})) as (keyof R & string)[];
  const shown = options.limit === undefined ? rows : rows.slice(0, options.limit);
  const head = keys.map((k) => `<th>${escapeHtml(options.columns?.[k] ?? k)}</th>`).join('');
  const body = shown
    .map((r) => {
      const tds = keys.map((k) => {
        const f = options.format?.[k];
        const v = r[k];
        const num = typeof v === 'number' || typeof v === 'bigint';
        return `<td${num ? ' class="num"' : ''}>${escapeHtml(f ? f(v, r) : cellText(v))}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  const more = rows.length > shown.length ? `<p class="more">… dan ${fmt.num(rows.length - shown.length)} baris lain (and more rows)</p>` : '';
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  return new Html(`<div class="table"><table>${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}</div>`);
}

/** A DOM node (a Plot chart, made in the runner's jsdom document) */
function isNode(x: unknown): x is { outerHTML: string } {
  return typeof x === 'object' && x !== null && typeof (x as { outerHTML?: unknown }).outerHTML === 'string';
}

/** The HTML of a displayed value. */
export function toHtml(x: unknown): string {
  if (x instanceof Html) return x.html;
  if (isNode(x)) return `<div class="chart">${x.outerHTML}</div>`;
  if (typeof x === 'string') return `<p>${escapeHtml(x)}</p>`;
  if (Array.isArray(x) && x.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) return table(x as Row[], { limit: 50 }).html;
  return `<pre>${escapeHtml(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2) ?? String(x))}</pre>`;
}
