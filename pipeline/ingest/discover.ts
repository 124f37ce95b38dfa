import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { KINDS, kindOfName } from './aliases.ts';
import { IngestError } from './errors.ts';

/** File extensions the readers accept, and the format each is read as. */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, 'csv' | 'xlsx' | 'parquet'>> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
};

const SETTINGS_NAMES = ['settings', 'pengaturan'];
const SETTINGS_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Extensions we recognise but cannot read, with the advice given in the warning. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  '.xls': 'the old Excel 97-2003 format is not supported: open it in Excel and save it as .xlsx (or CSV UTF-8)',
  '.xlsm': 'macro-enabled workbooks are not read: save it as .xlsx',
  '.xlsb': 'binary workbooks are not read: save it as .xlsx',
  '.ods': 'OpenDocument spreadsheets are not read: save it as .xlsx or CSV UTF-8',
  '.json': 'JSON data files are not read: use CSV, XLSX or Parquet',
  '.tsv': 'rename it to .txt (tab-delimited text is not supported either: use comma or semicolon CSV)',
};

export interface DiscoveredInputs {
  /** kind → absolute or folder-relative path of its file */
  files: Map<string, string>;
  settingsPath?: string;
  /** files that were not used, with the reason; names starting with `_` or `.` are ignored silently */
  warnings: string[];
}

/**
 * Find one file per record kind in `folder` by its name (docs/data-contract.md, "Input folder"):
 * the name without extension, case-insensitive, `-`, `_` and spaces alike. Unknown files and folders are
 * listed in `warnings`; names starting with `_` or `.` (and Excel lock files `~$…`) are ignored silently.
 * Two files for one kind, or two settings files, are an error. Missing required kinds are not checked here
 * (see `missingRequiredKinds`).
 */
export async function discoverInputs(folder: string): Promise<DiscoveredInputs> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    throw new IngestError(basename(folder), `cannot read the input folder ${folder}: ${(err as Error).message}`, { cause: err });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const byKind = new Map<string, string[]>();
  const settings: string[] = [];
  const warnings: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('_') || name.startsWith('.') || name.startsWith('~$')) continue;
    if (entry.isDirectory()) {
      warnings.push(`${name}/: folder ignored (only the files directly in the input folder are read)`);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const ext = extname(name).toLowerCase();
    const stem = name.slice(0, name.length - ext.length);
    const path = join(folder, name);
    const folded = stem.toLowerCase().replace(/[-\s]+/g, '_');
    if (SETTINGS_NAMES.includes(folded) && SETTINGS_EXTENSIONS.includes(ext)) {
      settings.push(path);
      continue;
    }
    const kind = kindOfName(stem);
    if (kind && FORMAT_OF_EXTENSION[ext]) {
      byKind.set(kind, [...(byKind.get(kind) ?? []), path]);
      continue;
    }
    if (kind) {
      const advice = UNSUPPORTED[ext] ?? `the extension '${ext || '(none)'}' is not read: use .csv, .txt, .xlsx or .parquet`;
      warnings.push(`${name}: looks like the ${kind} file, but ${advice}; file ignored`);
      continue;
    }
    warnings.push(`${name}: not a known input file name, ignored (known: ${KINDS.map((k) => k.fileNames[0]).join(', ')}, settings.yaml)`);
  }
  const files = new Map<string, string>();
  for (const spec of KINDS) {
    const paths = byKind.get(spec.kind);
    if (!paths) continue;
    if (paths.length > 1) {
      throw new IngestError(
        basename(paths[1]!),
        `two files for ${spec.kind}: ${paths.map((p) => basename(p)).join(' and ')}; keep one (or rename the other to start with '_')`,
      );
    }
    files.set(spec.kind, paths[0]!);
  }
  if (settings.length > 1) {
    throw new IngestError(basename(settings[1]!), `two settings files: ${settings.map((p) => basename(p)).join(' and ')}; keep one`);
  }
  return { files, ...(settings[0] ? { settingsPath: settings[0] } : {}), warnings };
}

/** Required kinds (units, positions, position_tasks, employees) that `files` lacks. */
export function missingRequiredKinds(files: ReadonlyMap<string, string>): string[] {
  return KINDS.filter((k) => k.required && !files.has(k.kind)).map((k) => k.kind);
}
