/**
 * Derived steps: tables computed in TypeScript from the models' tables (e.g. the effects estimator, which is
 * shared with the CLI and the dashboard), run after the SQL models and before the checks. A step is a file in
 * pipeline/warehouse/steps/ that adds itself here: the build itself does not change.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../domain/settings.ts';
import { transferEffectsStep } from './steps/transfer-effects.ts';

export interface DerivedStep {
  /** table(s) it writes, for the progress line */
  name: string;
  /** returns a one-line summary (e.g. row counts) */
  run(conn: DuckDBConnection, settings: Settings): Promise<string>;
  /**
   * The same work in stages whose JavaScript part runs while DuckDB computes the models the stage does not read
   * (alongside.ts); then `finish` writes the tables and returns the summary. Without stages, `run` runs after
   * every model.
   */
  stages?: DerivedStage[];
  finish?(conn: DuckDBConnection, results: unknown[]): Promise<string>;
}

export interface DerivedStage {
  /** the tables it reads: the models computing them (and what those read) run before it */
  reads: string[];
  /** read what `compute` needs (DuckDB) */
  read(conn: DuckDBConnection): Promise<unknown>;
  /** synchronous JavaScript, no DuckDB: runs while DuckDB computes other models */
  compute(data: unknown): unknown;
}

export const DERIVED_STEPS: DerivedStep[] = [transferEffectsStep];
