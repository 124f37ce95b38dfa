/**
 * The static export of the public report (`seimbang export-public`): the same queries (collect.ts), the same
 * disclosure control (report.ts), the same Svelte component (Report.svelte, rendered by svelte/server) and the same
 * download files (files.ts) as /publik, written as plain files that open from a folder or any web server:
 *
 *   index.html   the report in Bahasa Indonesia        en.html   in English
 *   publik.css   its style sheet (screen, phone, print) data/     every table as CSV and Parquet, the data dictionary
 *
 * Loaded by the CLI through Vite's SSR module loader (pipeline/cli/export-public.ts), so `$lib` and `.svelte`
 * resolve exactly as in the dashboard.
 */
import { DuckDBInstance, DOUBLE, VARCHAR } from '@duckdb/node-api';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { render } from 'svelte/server';
import Report from '$lib/publik/Report.svelte';
import css from '$lib/publik/publik.css?raw';
import { publikTexts } from '$lib/i18n/publik';
import { LICENSE, type PublikReport } from '$lib/publik/report';
import { esc } from '$lib/publik/svg';
import { schemaStatus, SCHEMA_VERSION, rebuildCommand } from '#domain/warehouse-schema.ts';
import { collectPublik } from './collect';
import { fileOf, openTablesOf } from './files';
import type { QueryResult } from '../db';

export class ExportError extends Error {}

export const PAGES = { id: 'index.html', en: 'en.html' } as const;

/** one page of the export: the report in `lang`, linking to the other language and to data/ */
export function staticPage(report: PublikReport, lang: 'id' | 'en'): string {
  const other = lang === 'id' ? 'en' : 'id';
  const { body } = render(Report, { props: { report, lang, dataHref: (f: string) => `data/${f}`, otherLangHref: PAGES[other] } });
  const t = publikTexts(lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<meta name="description" content="${esc(t.title)}">
<link rel="license" href="${LICENSE.url}">
<link rel="stylesheet" href="publik.css">
<style>body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','DejaVu Sans',sans-serif;line-height:1.5;color:#1d1d1f;background:#f4f5f7}main{padding:0 1rem}a{color:#0b5cad}.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}</style>
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

export async function exportPublik(dbFile: string, outDir: string): Promise<{ files: string[]; report: PublikReport }> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  } catch (err) {
    throw new ExportError(`${dbFile}: cannot be opened as a DuckDB warehouse (${(err as Error).message})`);
  }
  const con = await instance.connect();
  let report: PublikReport;
  try {
    const info = (await con.runAndReadAll('SELECT * FROM build_info LIMIT 1')).getRowObjectsJS()[0] ?? {};
    const found = info.schema_version == null ? null : Number(info.schema_version);
    if (schemaStatus(found) !== 'current') {
      throw new ExportError(
        `${dbFile} was built with schema version ${found ?? 'none'}; this version reads ${SCHEMA_VERSION}. Rebuild it: ${rebuildCommand(dbFile, info.input_dir == null ? null : String(info.input_dir))}`,
      );
    }
    report = await collectPublik(async (sql, params): Promise<QueryResult> => {
      const prepared = await con.prepare(sql);
      try {
        for (let i = 1; i <= prepared.parameterCount; i++) {
          const v = params[prepared.parameterName(i)];
          if (v === undefined || v === null) prepared.bindNull(i);
          else prepared.bindValue(i, v, typeof v === 'number' ? DOUBLE : VARCHAR);
        }
        const reader = await prepared.runAndReadAll();
        return { names: reader.columnNames(), types: reader.columnTypes(), columns: reader.getColumnsJS(), rowCount: reader.currentRowCount };
      } finally {
        prepared.destroySync();
      }
    });
  } finally {
    con.closeSync();
    instance.closeSync();
  }

  await mkdir(path.join(outDir, 'data'), { recursive: true });
  const files: string[] = [];
  const put = async (name: string, body: string | Uint8Array) => {
    await writeFile(path.join(outDir, name), body);
    files.push(name);
  };
  await put(PAGES.id, staticPage(report, 'id'));
  await put(PAGES.en, staticPage(report, 'en'));
  await put('publik.css', css);
  for (const table of openTablesOf(report)) {
    for (const format of ['csv', 'parquet'] as const) {
      await put(`data/${table.id}.${format}`, (await fileOf(table, format)).body);
    }
  }
  return { files, report };
}
