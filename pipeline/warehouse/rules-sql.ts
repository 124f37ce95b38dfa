/**
 * The status of each merit-rule result code as a SQL macro, rule_status(rule, code), generated from the one table
 * RULE_CODE_STATUS in pipeline/domain/rules.ts, so the audit's SQL and the TypeScript predicates cannot disagree on
 * what a code means.
 */
import { RULE_CODE_STATUS } from '../domain/rules.ts';

const str = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function ruleStatusSql(): string {
  const rules = Object.entries(RULE_CODE_STATUS).map(([rule, codes]) =>
    `WHEN ${str(rule)} THEN CASE code ${Object.entries(codes).map(([c, st]) => `WHEN ${str(c)} THEN ${str(st)}`).join(' ')} END`,
  );
  return `CREATE OR REPLACE MACRO rule_status(rule, code) AS CASE rule ${rules.join(' ')} END;\n`;
}
