/**
 * The charts of the public report, drawn as SVG text: the same markup on the server-rendered page, in print and in
 * the static export (no script, no DOM needed to draw them; they scale with the page through their viewBox).
 * Each chart has a title (its accessible name) and the table of its numbers beside it on the page.
 */

export const esc = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const W = 720;
const PAD = { top: 16, right: 16, bottom: 44, left: 56 };

function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

function frame(title: string, h: number, body: string): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${body}</svg>`;
}

function yAxis(y: (v: number) => number, vals: number[], fmt: (v: number) => string, x0: number, x1: number): string {
  return vals
    .map((v) => `<line x1="${x0}" x2="${x1}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/><text x="${x0 - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(v))}</text>`)
    .join('');
}

export interface LinePoint {
  label: string;
  value: number | null;
}

/** A line over labelled points (months); every `labelEvery`-th label is written under the axis. */
export function lineChart(opts: { title: string; points: LinePoint[]; format: (v: number) => string; labelEvery?: number; height?: number; yMin?: number }): string {
  const h = opts.height ?? 260;
  const vals = opts.points.map((p) => p.value).filter((v): v is number => v !== null);
  if (!vals.length) return frame(opts.title, 40, '');
  let lo = Math.min(opts.yMin ?? Infinity, ...vals);
  let hi = Math.max(...vals);
  if (hi === lo) {
    hi += 1;
    lo -= lo > 0 ? Math.min(1, lo) : 1;
  }
  const pad = (hi - lo) * 0.08;
  const tv = ticks(lo - pad, hi + pad);
  const y0 = Math.min(lo - pad, tv[0]!);
  const y1 = Math.max(hi + pad, tv[tv.length - 1]!);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, opts.points.length - 1);
  const y = (v: number) => h - PAD.bottom - ((v - y0) * (h - PAD.top - PAD.bottom)) / (y1 - y0);
  const every = opts.labelEvery ?? Math.ceil(opts.points.length / 8);
  const path = opts.points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  const labels = opts.points
    .map((p, i) => (i % every === 0 || i === opts.points.length - 1 ? `<text x="${x(i).toFixed(1)}" y="${h - PAD.bottom + 18}" text-anchor="middle">${esc(p.label)}</text>` : ''))
    .join('');
  const dots = opts.points
    .map((p, i) => (p.value === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5" class="dot"><title>${esc(`${p.label}: ${opts.format(p.value)}`)}</title></circle>`))
    .join('');
  return frame(
    opts.title,
    h,
    `${yAxis(y, tv, opts.format, PAD.left, W - PAD.right)}<polyline points="${path}" class="line" fill="none"/>${dots}${labels}`,
  );
}

export interface Bar {
  label: string;
  value: number;
  /** a short text drawn at the end of the bar (default: the formatted value) */
  text?: string;
  /** 'hidden' bars are drawn as an outline at no length (a suppressed count) */
  hidden?: boolean;
}

/** Horizontal bars (one per row; negative values go left of zero). */
export function barChart(opts: { title: string; bars: Bar[]; format: (v: number) => string; rowHeight?: number; labelWidth?: number }): string {
  const rh = opts.rowHeight ?? 22;
  const lw = opts.labelWidth ?? 260;
  const h = PAD.top + opts.bars.length * rh + 28;
  const vals = opts.bars.map((b) => b.value);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(0, ...vals, lo === 0 ? 1 : 0);
  // the value of a negative bar is written left of it: room for the longest one (about 7 px a character), or it
  // runs into the bar names
  const negChars = Math.max(0, ...opts.bars.filter((b) => b.value < 0).map((b) => (b.text ?? opts.format(b.value)).length));
  const x0 = lw + 8 + (negChars > 0 ? negChars * 7 + 6 : 0);
  const x1 = W - 70;
  const x = (v: number) => x0 + ((v - lo) * (x1 - x0)) / (hi - lo || 1);
  const body = opts.bars
    .map((b, i) => {
      const yy = PAD.top + i * rh;
      const a = x(Math.min(0, b.value));
      const wdt = Math.max(b.hidden ? 0 : 1, Math.abs(x(b.value) - x(0)));
      const label = b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label;
      const text = b.text ?? opts.format(b.value);
      const tx = b.value < 0 ? a - 4 : a + wdt + 4;
      return (
        `<text x="${lw}" y="${yy + rh * 0.65}" text-anchor="end">${esc(label)}</text>` +
        `<rect x="${a.toFixed(1)}" y="${yy + 3}" width="${wdt.toFixed(1)}" height="${rh - 6}" class="${b.hidden ? 'bar hidden' : b.value < 0 ? 'bar neg' : 'bar'}"><title>${esc(`${b.label}: ${text}`)}</title></rect>` +
        `<text x="${tx.toFixed(1)}" y="${yy + rh * 0.65}" text-anchor="${b.value < 0 ? 'end' : 'start'}" class="val">${esc(text)}</text>`
      );
    })
    .join('');
  const zero = `<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="${PAD.top - 4}" y2="${h - 24}" class="axis"/>`;
  return frame(opts.title, h, body + zero);
}

/** Vertical bars over categories (calendar months, quarters), optionally stacked. */
export function columnChart(opts: {
  title: string;
  labels: string[];
  series: Array<{ name: string; values: number[]; cls: string }>;
  format: (v: number) => string;
  height?: number;
  /** per column: a text written at the base instead of a bar (a suppressed count, e.g. "< 5") */
  hiddenText?: Array<string | null>;
}): string {
  const h = opts.height ?? 240;
  const totals = opts.labels.map((_, i) => opts.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const hi = Math.max(1, ...totals) * 1.08;
  const tv = ticks(0, hi);
  const top = Math.max(hi, tv[tv.length - 1]!);
  const bw = (W - PAD.left - PAD.right) / opts.labels.length;
  const y = (v: number) => h - PAD.bottom - (v * (h - PAD.top - PAD.bottom)) / top;
  const body = opts.labels
    .map((label, i) => {
      let acc = 0;
      const rects = opts.series
        .map((s) => {
          const v = s.values[i] ?? 0;
          const r = `<rect x="${(PAD.left + i * bw + bw * 0.15).toFixed(1)}" y="${y(acc + v).toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${(y(acc) - y(acc + v)).toFixed(1)}" class="${s.cls}"><title>${esc(`${label} · ${s.name}: ${opts.format(v)}`)}</title></rect>`;
          acc += v;
          return r;
        })
        .join('');
      const hidden = opts.hiddenText?.[i];
      const mark = hidden ? `<text x="${(PAD.left + i * bw + bw / 2).toFixed(1)}" y="${h - PAD.bottom - 6}" text-anchor="middle" class="val">${esc(hidden)}</text>` : '';
      return `${hidden ? mark : rects}<text x="${(PAD.left + i * bw + bw / 2).toFixed(1)}" y="${h - PAD.bottom + 18}" text-anchor="middle">${esc(label)}</text>`;
    })
    .join('');
  return frame(opts.title, h, yAxis(y, tv, opts.format, PAD.left, W - PAD.right) + body);
}

/** Event study: the effect by months since the wave, each with its interval, a zero line and the wave at 0. */
export function eventStudyChart(opts: { title: string; points: Array<{ t: number; att: number; lo: number; hi: number }>; format: (v: number) => string; xLabel: string }): string {
  const h = 280;
  if (!opts.points.length) return frame(opts.title, 40, '');
  const lo = Math.min(0, ...opts.points.map((p) => p.lo));
  const hi = Math.max(0, ...opts.points.map((p) => p.hi));
  const tv = ticks(lo, hi);
  const y0 = Math.min(lo, tv[0]!);
  const y1 = Math.max(hi, tv[tv.length - 1]!);
  const t0 = Math.min(...opts.points.map((p) => p.t));
  const t1 = Math.max(...opts.points.map((p) => p.t));
  const x = (t: number) => PAD.left + 10 + ((t - t0) * (W - PAD.left - PAD.right - 20)) / Math.max(1, t1 - t0);
  const y = (v: number) => h - PAD.bottom - ((v - y0) * (h - PAD.top - PAD.bottom)) / (y1 - y0 || 1);
  const marks = opts.points
    .map((p) => {
      const cls = p.t < 0 ? 'pre' : 'post';
      return `<line x1="${x(p.t).toFixed(1)}" x2="${x(p.t).toFixed(1)}" y1="${y(p.lo).toFixed(1)}" y2="${y(p.hi).toFixed(1)}" class="ci ${cls}"/><circle cx="${x(p.t).toFixed(1)}" cy="${y(p.att).toFixed(1)}" r="3.5" class="dot ${cls}"><title>${esc(`${p.t}: ${opts.format(p.att)} [${opts.format(p.lo)}; ${opts.format(p.hi)}]`)}</title></circle>`;
    })
    .join('');
  const xt = opts.points
    .filter((p) => p.t % 3 === 0)
    .map((p) => `<text x="${x(p.t).toFixed(1)}" y="${h - PAD.bottom + 18}" text-anchor="middle">${p.t}</text>`)
    .join('');
  const zero = `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" class="axis"/>`;
  const wave = `<line x1="${x(-0.5).toFixed(1)}" x2="${x(-0.5).toFixed(1)}" y1="${PAD.top}" y2="${h - PAD.bottom}" class="wave"/>`;
  const xl = `<text x="${(W / 2).toFixed(0)}" y="${h - 6}" text-anchor="middle">${esc(opts.xLabel)}</text>`;
  return frame(opts.title, h, yAxis(y, tv, opts.format, PAD.left, W - PAD.right) + zero + wave + marks + xt + xl);
}
