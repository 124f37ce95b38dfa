/**
 * The what-if simulator: pure TypeScript over typed arrays (no Node, DuckDB or DOM imports), run by the page
 * /simulasi in the browser and by `seimbang simulate` and the tests in Node. Formulas from #domain/metrics.ts, rules
 * from #domain/rules.ts. State and plan format: types.ts (stable, shared with the optimizer).
 */
export * from './types.ts';
export { Simulator, PlanError, loadRow, type Level, type LoadRow, type Snapshot, type LevelSnapshot, type SimulatorOptions } from './engine.ts';
export { timeline, rampShare, type Timeline, type TimelineOptions } from './timeline.ts';
export { fullRecompute } from './full.ts';
export { WARNING_SOURCE, WARNING_TEXT_EN, type Warning, type WarningCode } from './warnings.ts';
export { parseMonth, monthText, monthStartDate } from './months.ts';
