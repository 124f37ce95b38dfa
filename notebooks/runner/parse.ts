/**
 * A notebook is a Markdown file. Fenced blocks whose info string starts with `sql <name>` or `ts` are cells, run
 * in order; everything else is prose, rendered as Markdown (markdown-it, CommonMark). Parsing goes through
 * markdown-it's own tokens, so a fence inside a list or a quote is found exactly as a Markdown reader sees it.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

export const markdown = new MarkdownIt({ html: true, linkify: false, typographer: true });

export interface Cell {
  /** 1-based position among the cells of the notebook */
  index: number;
  kind: 'sql' | 'ts';
  /** sql: the name its rows are bound to */
  name: string | null;
  source: string;
  /** 1-based line of the opening fence in the notebook file */
  line: number;
}

export type Block = { type: 'prose'; tokens: Token[] } | { type: 'cell'; cell: Cell };

/** a JavaScript identifier that does not shadow the runner's helpers */
const NAME = /^[A-Za-z_$][\w$]*$/;
/** the helpers every cell sees (run.ts provides them, compile.ts declares them) */
export const HELPERS = ['display', 'table', 'md', 'fmt', 'Plot', 'sql', 'settings', 'nb'] as const;
const RESERVED = new Set<string>(HELPERS);

export class NotebookSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseNotebook(text: string): { title: string; blocks: Block[] } {
  const tokens = markdown.parse(text, {});
  const blocks: Block[] = [];
  let prose: Token[] = [];
  let index = 0;
  let title = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!title && t.type === 'heading_open' && t.tag === 'h1') title = tokens[i + 1]?.content ?? '';
    const info = t.type === 'fence' ? t.info.trim().split(/\s+/) : [];
    const lang = info[0];
    if (lang !== 'sql' && lang !== 'ts') {
      prose.push(t);
      continue;
    }
    const line = (t.map?.[0] ?? 0) + 1;
    let name: string | null = null;
    if (lang === 'sql') {
      name = info[1] ?? null;
      if (!name || !NAME.test(name)) throw new NotebookSyntaxError(line, 'a SQL cell needs a name for its rows: ```sql units');
      if (RESERVED.has(name)) throw new NotebookSyntaxError(line, `the name ${name} is taken by the runner; choose another`);
    }
    if (prose.length) blocks.push({ type: 'prose', tokens: prose });
    prose = [];
    blocks.push({ type: 'cell', cell: { index: ++index, kind: lang, name, source: t.content, line } });
  }
  if (prose.length) blocks.push({ type: 'prose', tokens: prose });
  return { title, blocks };
}

export function cellsOf(blocks: readonly Block[]): Cell[] {
  return blocks.flatMap((b) => (b.type === 'cell' ? [b.cell] : []));
}
