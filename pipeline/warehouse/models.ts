/**
 * The SQL models: one file per table under pipeline/models/{staging,core,marts}, run layer by layer and, within a
 * layer, in dependency order (a model depends on every other model whose name it mentions), as dbt's ref() would.
 * Macros (pipeline/models/macros/*.sql) run first.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));
export const LAYERS = ['staging', 'core', 'marts'] as const;
export type Layer = (typeof LAYERS)[number];

export interface Model {
  name: string;
  layer: Layer;
  path: string;
  sql: string;
  dependsOn: string[];
  /**
   * `-- alongside: early` in the model's SQL: DuckDB computes it on one thread, so in a batch beside a derived
   * step's JavaScript it runs first (alongside.ts earlyFirst)
   */
  early?: boolean;
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((f) => join(dir, f));
}

/** Strip string literals and `-- comments`, so a model named in a message or a comment is not a dependency. */
function code(sql: string): string {
  // one pass, so a quote inside a comment or `--` inside a string is read right
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*/g, (m) => (m.startsWith("'") ? "''" : ''));
}

export function macroSql(dir = MODELS_DIR): string {
  return sqlFiles(join(dir, 'macros')).map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** All models in run order. Throws on a dependency cycle, naming it. */
export function loadModels(dir = MODELS_DIR): Model[] {
  const all: Model[] = [];
  for (const layer of LAYERS) {
    for (const path of sqlFiles(join(dir, layer))) {
      const sql = readFileSync(path, 'utf8');
      all.push({ name: basename(path, '.sql'), layer, path, sql, dependsOn: [], ...(/^-- alongside: early\b/m.test(sql) ? { early: true } : {}) });
    }
  }
  const names = new Set(all.map((m) => m.name));
  for (const m of all) {
    const body = code(m.sql);
    m.dependsOn = [...names].filter((n) => n !== m.name && new RegExp(`\\b${n}\\b`).test(body));
  }
  const byName = new Map(all.map((m) => [m.name, m]));
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: Model, trail: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`model dependency cycle: ${[...trail, m.name].join(' → ')}`);
    state.set(m.name, 'visiting');
    for (const d of m.dependsOn) {
      const dep = byName.get(d)!;
      if (LAYERS.indexOf(dep.layer) > LAYERS.indexOf(m.layer)) {
        throw new Error(`model ${m.name} (${m.layer}) reads ${dep.name} from a later layer (${dep.layer})`);
      }
      visit(dep, [...trail, m.name]);
    }
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const layer of LAYERS) for (const m of all.filter((x) => x.layer === layer)) visit(m, []);
  return ordered;
}

/**
 * sha256 of every SQL file under pipeline/models (path and text, in path order) and of the SQL the build generates
 * from the settings (`generated`): what a warehouse's tables and macros were computed with. Kept in
 * build_info.models_sha256; an incremental build on a warehouse computed by other SQL builds fully instead.
 */
export function modelsFingerprint(generated: string, dir = MODELS_DIR): string {
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.sql')) h.update(`${p}\0${readFileSync(join(dir, p), 'utf8')}\0`);
    }
  };
  walk('');
  return h.update(generated).digest('hex');
}

