/**
 * `seimbang sample`: write the deterministic sample input folder (and its answer key in `_truth/`).
 * See tools/sample/README.md for what the files contain and the planted truths.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { generateSample } from '../../tools/sample/generate.ts';
import type { GenerateEvent, GenerateResult } from '../../tools/sample/generate.ts';
import { SCALES } from '../../tools/sample/regions.ts';
import type { Scale } from '../../tools/sample/regions.ts';
import { UserError, EXIT } from '../errors.ts';

interface SampleCliOptions {
  out: string;
  scale: Scale;
  seed: number;
  quiet?: boolean;
  json?: boolean;
}

const fmtInt = (n: number): string => n.toLocaleString('en-US');
const fmtSec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const fmtBytes = (b: number): string => (b >= 1 << 30 ? `${(b / (1 << 30)).toFixed(2)} GB` : b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MB` : `${(b / 1024).toFixed(0)} KB`);

function parseSeed(v: string): number {
  if (!/^\d+$/.test(v.trim())) throw new InvalidArgumentError(`--seed must be a whole number ≥ 0, got "${v}"`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n > 0xffffffff) throw new InvalidArgumentError(`--seed must be at most ${0xffffffff}, got "${v}"`);
  return n;
}

export function registerSample(program: Command): void {
  program
    .command('sample')
    .description('write a deterministic sample input folder (city, province or national scale) with its answer key in _truth/')
    .option('-o, --out <folder>', 'folder to write (created if missing; files of a previous sample are replaced)')
    .addOption(new Option('--scale <scale>', 'size of the sample').choices([...SCALES]).default('city'))
    .option('--seed <n>', 'random seed: the same seed and scale give byte-identical files', parseSeed, 42)
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON on stdout')
    .addHelpText(
      'after',
      '\nScales:\n' +
        '  city      one city, ~47 units, ~4,300 staff, 36 months 2023-01..2025-12 (a few seconds)\n' +
        '  province  provincial government + 16 regencies/cities, ~100,000 staff, 36 months\n' +
        '  national  38 provinces + 514 regencies/cities, ~4.7 million staff, 12 months 2025 (several GB)\n' +
        '\nExample:\n  seimbang sample --out data/sample\n  seimbang sample --out /tmp/prov --scale province --seed 7\n' +
        '\nExit codes: 0 ok, 1 failure while writing, 2 usage.',
    )
    .action(async (o: SampleCliOptions) => {
      if (!o.out || !o.out.trim()) throw new UserError('sample: --out <folder> is required', EXIT.usage);
      const log = o.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
      let lastRegionLog = 0;
      const onEvent = (ev: GenerateEvent): void => {
        if (ev.type === 'start') {
          log(`seimbang sample: scale ${ev.scale}, seed ${ev.seed} → ${ev.out}`);
          log(`  ${fmtInt(ev.regions)} region${ev.regions === 1 ? '' : 's'}, ~${fmtInt(ev.staff)} staff, ${ev.months} months`);
        } else if (ev.type === 'step') {
          log(`  ✓ ${ev.name.padEnd(58)} ${ev.rows ? fmtInt(ev.rows).padStart(11) : ''.padStart(11)} rows  ${fmtSec(ev.ms).padStart(7)}`);
        } else if (ev.total > 1) {
          const now = ev.elapsedMs;
          if (ev.done === ev.total || ev.done === 1 || now - lastRegionLog >= 2000) {
            lastRegionLog = now;
            const pct = ((100 * ev.done) / ev.total).toFixed(0).padStart(3);
            log(`  [${pct}%] region ${ev.done}/${ev.total} ${ev.name.slice(0, 34).padEnd(34)} pegawai ${fmtInt(ev.rows.pegawai).padStart(10)} · kinerja ${fmtInt(ev.rows.kinerja).padStart(12)} · ${fmtSec(now)}`);
          }
        }
      };
      let result: GenerateResult;
      try {
        result = await generateSample({ out: o.out, scale: o.scale, seed: o.seed, onEvent });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        if (['EACCES', 'EPERM', 'ENOENT', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(e?.code ?? '')) {
          throw new UserError(`sample: cannot write to ${o.out}: ${e.message}`, EXIT.badInput);
        }
        throw err;
      }
      if (o.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const s = result.summary;
      const lines = [
        '',
        `Sample written to ${result.out} in ${fmtSec(result.durationMs)} (scale ${result.scale}, seed ${result.seed})`,
        `  ${fmtInt(s.regions)} region(s) · ${fmtInt(s.units)} units · ${fmtInt(s.positions)} positions · ${fmtInt(s.tasks)} ABK tasks · ${fmtInt(s.employees)} employees · ${fmtInt(s.transfers)} transfers`,
        '',
        ...(s.regions > 1
          ? ['Time by step (all regions):', ...Object.entries(result.phases).map(([name, ms]) => `  ${name.padEnd(58)} ${fmtSec(ms).padStart(8)}`), '']
          : []),
        'Files:',
        ...result.files.map((f) => `  ${f.file.padEnd(30)} ${(f.rows ? fmtInt(f.rows) : '').padStart(13)} rows ${fmtBytes(f.bytes).padStart(10)}`),
        '',
        'Planted truths (_truth/truth.json):',
        `  rotation waves 2023-07-01 / 2024-02-01 / 2025-07-01: ${s.wave_movers.map(fmtInt).join(' / ')} movers`,
        `  transfer rule breaks: ${Object.entries(s.planted).filter(([k]) => k !== 'election_approved').map(([k, v]) => `${k} ${fmtInt(v)}`).join(', ')}; approved inside the ban (must pass): ${fmtInt(s.planted.election_approved ?? 0)}`,
        `  more than 5 years in post: ${fmtInt(s.max_tenure)} employees · bad input rows: ${s.bad_rows}`,
        s.att_simple === null ? '  no rotation wave inside the window' : `  true ATT (simple aggregation, unit mean score): ${s.att_simple.toFixed(3)}`,
        '',
      ];
      if (!o.quiet) process.stderr.write(`${lines.join('\n')}\n`);
    });
}
