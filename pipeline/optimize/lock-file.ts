/**
 * The analyst's locks and lifts for the optimiser (`--lock <file>`), CSV or JSON. Documented in
 * docs/data-contract.md ("Optimiser lock file").
 *
 *   CSV:  kind,id            JSON: { "people": [nip…], "positions": [id…], "units": [id…], "lift_tenure": [nip…] }
 *         person,1967…          (every key optional)
 *         position,DISDIK-09
 *         unit,DINKES
 *         lift_tenure,1985…
 *
 * `person` / `position` / `unit`: left alone (nobody leaves or enters them); `lift_tenure`: the minimum tenure does
 * not hold this person back (the analyst takes responsibility for the exception). Indonesian kinds are accepted:
 * pegawai, jabatan, unit_kerja, angkat_masa_jabatan.
 */
export interface Locks {
  lockedPeople: string[];
  lockedPositions: string[];
  lockedUnits: string[];
  tenureLifted: string[];
}

export class LockFileError extends Error {}

const KINDS: Record<string, keyof Locks> = {
  person: 'lockedPeople',
  pegawai: 'lockedPeople',
  nip: 'lockedPeople',
  position: 'lockedPositions',
  jabatan: 'lockedPositions',
  unit: 'lockedUnits',
  unit_kerja: 'lockedUnits',
  lift_tenure: 'tenureLifted',
  angkat_masa_jabatan: 'tenureLifted',
};

const JSON_KEYS: Record<string, keyof Locks> = { people: 'lockedPeople', positions: 'lockedPositions', units: 'lockedUnits', lift_tenure: 'tenureLifted' };

/** NIPs are written with spaces or dots in the wild (shared/domain.md): keep the digits. */
const nipOf = (s: string) => (/^[\d .]+$/.test(s) ? s.replace(/[ .]/g, '') : s);

export function parseLockCsv(text: string): Locks {
  const out: Locks = { lockedPeople: [], lockedPositions: [], lockedUnits: [], tenureLifted: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[,;]/).map((h) => h.trim().toLowerCase());
  const ki = header.findIndex((h) => h === 'kind' || h === 'jenis');
  const ii = header.findIndex((h) => h === 'id');
  if (ki < 0 || ii < 0) throw new LockFileError(`row 1: expected the columns kind,id (found ${header.join(',') || 'nothing'})`);
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(/[,;]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const kind = (cells[ki] ?? '').toLowerCase();
    const id = cells[ii] ?? '';
    const key = KINDS[kind];
    if (!key) throw new LockFileError(`row ${i + 2}, column kind: '${kind}' is not one of person, position, unit, lift_tenure`);
    if (id === '') throw new LockFileError(`row ${i + 2}, column id: empty`);
    out[key].push(key === 'lockedPeople' || key === 'tenureLifted' ? nipOf(id) : id);
  });
  return out;
}

export function parseLockJson(text: string): Locks {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new LockFileError(`not valid JSON (${(e as Error).message})`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LockFileError('expected an object with people, positions, units, lift_tenure');
  const out: Locks = { lockedPeople: [], lockedPositions: [], lockedUnits: [], tenureLifted: [] };
  for (const [k, list] of Object.entries(v as Record<string, unknown>)) {
    const key = JSON_KEYS[k];
    if (!key) throw new LockFileError(`key '${k}' is not one of people, positions, units, lift_tenure`);
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x === '')) throw new LockFileError(`${k}: expected a list of identifiers (text)`);
    out[key] = (list as string[]).map((x) => (key === 'lockedPeople' || key === 'tenureLifted' ? nipOf(x) : x));
  }
  return out;
}
