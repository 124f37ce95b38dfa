import { describe, expect, it } from 'vitest';
import { LockFileError, parseLockCsv, parseLockJson } from '../../pipeline/optimize/lock-file.ts';

describe('optimiser lock file', () => {
  it('reads CSV (English and Indonesian kinds, NIPs written with spaces or dots)', () => {
    const l = parseLockCsv('kind,id\nperson,19660801 198803 1 001\npegawai,19660801.198803.1.002\njabatan,DISDIK-09\nunit,DINKES\nlift_tenure,198501012010011003\n');
    expect(l).toEqual({
      lockedPeople: ['196608011988031001', '196608011988031002'],
      lockedPositions: ['DISDIK-09'],
      lockedUnits: ['DINKES'],
      tenureLifted: ['198501012010011003'],
    });
  });
  it('names the row and column of a bad CSV value', () => {
    expect(() => parseLockCsv('kind,id\nunit,A\nteam,B\n')).toThrow(/row 3, column kind: 'team'/);
    expect(() => parseLockCsv('kind,id\nunit,\n')).toThrow(/row 2, column id: empty/);
    expect(() => parseLockCsv('nip\n1\n')).toThrow(LockFileError);
  });
  it('reads JSON and refuses unknown keys', () => {
    expect(parseLockJson('{"units":["DINKES"],"lift_tenure":["1985 0101"]}')).toEqual({ lockedPeople: [], lockedPositions: [], lockedUnits: ['DINKES'], tenureLifted: ['19850101'] });
    expect(() => parseLockJson('{"teams":[]}')).toThrow(/'teams'/);
    expect(() => parseLockJson('{"units":[1]}')).toThrow(/list of identifiers/);
    expect(() => parseLockJson('[')).toThrow(/not valid JSON/);
  });
});
