/**
 * The state parts as Arrow: one IPC stream per part, written one after the other in STATE_PARTS order into one body
 * (Arrow readers read several tables from one stream: RecordBatchReader.readAll). Pure (apache-arrow only): the
 * endpoint encodes, the browser decodes.
 */
import { Bool, Dictionary, Field, Float64, Int32, List, RecordBatchReader, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { PartColumns, StateColumns } from './columns.ts';
import { STATE_PARTS } from './queries.ts';

/** columns whose values are whole numbers (Int32); other numbers are Float64 */
const INT_COLUMNS = new Set(['class', 'months_since_transfer', 'rows_in_month', 'position_index', 'since_day', 'spell_start_day', 'appointment_day']);
/** text columns sent as unique values (nip, name, ids, titles); the others repeat and are dictionary-encoded */
const UNIQUE_TEXT = new Set(['nip', 'name', 'position_id', 'unit_id', 'unit_name', 'settings', 'month', 'title']);

function typeOf(name: string, values: ArrayLike<unknown>): DataType {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') return UNIQUE_TEXT.has(name) ? new Utf8() : new Dictionary(new Utf8(), new Int32());
    if (typeof v === 'boolean') return new Bool();
    if (typeof v === 'number' || typeof v === 'bigint') return INT_COLUMNS.has(name) ? new Int32() : new Float64();
    if (Array.isArray(v)) return new List(new Field('item', new Utf8(), true));
    return new Utf8();
  }
  return new Utf8();
}

function toVector(name: string, values: ArrayLike<unknown>): Vector {
  const type = typeOf(name, values);
  const arr = Array.from(values, (v) => (typeof v === 'bigint' ? Number(v) : v));
  return vectorFromArray(arr, type);
}

export function encodePart(cols: PartColumns): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(cols)) vectors[name] = toVector(name, values);
  return tableToIPC(new Table(vectors), 'stream');
}

export function encodeState(parts: StateColumns): Uint8Array {
  const chunks = STATE_PARTS.map((p) => encodePart(parts[p]));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Arrow columns back to plain columns: numbers as typed arrays, strings and lists as arrays */
function partFromTable(t: Table): PartColumns {
  const out: PartColumns = {};
  for (const f of t.schema.fields) {
    const v = t.getChild(f.name)!;
    if (f.type instanceof List) {
      const a: string[][] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = v.get(i) as Vector | null;
        a[i] = x ? (Array.from(x.toArray() as ArrayLike<unknown>, String)) : [];
      }
      out[f.name] = a;
    } else if (f.type instanceof Float64 || f.type instanceof Int32) {
      out[f.name] = v.nullCount > 0 ? numbersWithNulls(v) : (v.toArray() as ArrayLike<number>);
    } else if (f.type instanceof Dictionary) {
      // indices into the dictionary: one string per distinct value, not one per row
      const a: (string | null)[] = new Array(v.length);
      let at = 0;
      for (const d of v.data) {
        const dict = d.dictionary!;
        const words: (string | null)[] = Array.from({ length: dict.length }, (_, i) => dict.get(i) as string | null);
        const idx = d.values as ArrayLike<number>;
        if (d.nullCount === 0) for (let i = 0; i < d.length; i++) a[at++] = words[idx[i]!]!;
        else for (let i = 0; i < d.length; i++) a[at++] = d.getValid(i) ? words[idx[i]!]! : null;
      }
      out[f.name] = a;
    } else if (f.type instanceof Utf8) {
      out[f.name] = utf8Column(v);
    } else if (f.type instanceof Bool) {
      out[f.name] = booleans(v);
    } else {
      out[f.name] = Array.from(v as Iterable<unknown>);
    }
  }
  return out;
}

/** a number column with nulls, chunk by chunk from the values and the validity bitmap (not one `get` per row) */
function numbersWithNulls(v: Vector): (number | null)[] {
  const out: (number | null)[] = new Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const values = d.values as ArrayLike<number>;
    for (let i = 0; i < d.length; i++) out[at++] = d.getValid(i) ? values[i]! : null;
  }
  return out;
}

/** a Bool column from its bit-packed values (LSB first, Arrow's layout) and validity, not through the iterator */
function booleans(v: Vector): (boolean | null)[] {
  const out: (boolean | null)[] = new Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const bits = d.values as Uint8Array;
    for (let i = 0; i < d.length; i++) {
      const j = d.offset + i;
      out[at++] = d.nullCount > 0 && !d.getValid(i) ? null : ((bits[j >> 3]! >> (j & 7)) & 1) === 1;
    }
  }
  return out;
}

const decoder = new TextDecoder();

/** A Utf8 column as strings: each chunk's bytes decoded once and cut at the offsets (ASCII: bytes = characters),
 *  instead of one TextDecoder call per row; a chunk with other characters is decoded row by row. */
function utf8Column(v: Vector): (string | null)[] {
  const out: (string | null)[] = new Array(v.length);
  let at = 0;
  for (const d of v.data) {
    const offsets = d.valueOffsets as Int32Array;
    const bytes = d.values as Uint8Array;
    const first = offsets[0]!;
    const text = decoder.decode(bytes.subarray(first, offsets[d.length]!));
    const ascii = text.length === offsets[d.length]! - first;
    for (let i = 0; i < d.length; i++) {
      if (!d.getValid(i)) out[at++] = null;
      else out[at++] = ascii ? text.slice(offsets[i]! - first, offsets[i + 1]! - first) : decoder.decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
    }
  }
  return out;
}

export function decodeState(bytes: Uint8Array): StateColumns {
  const out = {} as StateColumns;
  let k = 0;
  for (const reader of RecordBatchReader.readAll(bytes)) {
    const part = STATE_PARTS[k++];
    if (!part) break;
    out[part] = partFromTable(new Table(reader.readAll()));
  }
  if (k < STATE_PARTS.length) throw new Error(`the state holds ${k} of ${STATE_PARTS.length} parts`);
  return out;
}
