import { describe, expect, it } from 'vitest';
import { barChart } from '../../dashboard/src/lib/publik/svg.ts';

/** the x and anchor of each value label (class "val") of a bar chart, in order */
function valueLabels(svg: string): { x: number; anchor: string; text: string }[] {
  return [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="(start|end)" class="val">([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    anchor: m[2]!,
    text: m[3]!,
  }));
}

describe('public report bar chart', () => {
  const fmt = (v: number) => (v > 0 ? `+${v.toFixed(1)}` : `−${Math.abs(v).toFixed(1)}`).replace('.', ',');
  it('writes a negative value left of its bar without running into the bar names (they end at 260 px)', () => {
    const svg = barChart({ title: 't', bars: [{ label: 'A', value: 54 }, { label: 'B', value: -13.6 }], format: fmt });
    const [pos, neg] = valueLabels(svg);
    expect(pos).toMatchObject({ anchor: 'start', text: '+54,0' });
    expect(neg).toMatchObject({ anchor: 'end', text: '−13,6' });
    // about 7 px per character: the label's left edge stays right of the names' right edge
    expect(neg!.x - neg!.text.length * 7).toBeGreaterThan(260);
  });

  it('with no negative value, the bars start right after the names', () => {
    const svg = barChart({ title: 't', bars: [{ label: 'A', value: 5 }, { label: 'B', value: 0 }], format: fmt });
    expect(svg).toMatch(/<rect x="268\.0"/);
  });
});
