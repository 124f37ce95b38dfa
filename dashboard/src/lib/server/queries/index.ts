/** All query modules, by endpoint. */
export { months, units, regions, buildInfo } from './meta';
export { overview, lastWave, waves, unitWaves } from './overview';
export { unitLoad } from './unitLoad';
export { imbalance } from './imbalance';
export { heatmap } from './heatmap';
export { unitInfo, unitHistory, unitPositions, unitPositionHolders, unitTransfers, unitPerformance, unitSubunits, unitReadiness } from './unit';
export { jabatanTitles, jabatanUnits } from './jabatan';
export { auditRules, auditYears, auditUnits, auditFailures, auditTransfer, auditTransferRules, auditTransferLoad, auditFairness } from './audit';
export { effectsInfo, effects, effectsRampup, effectsWaves } from './effects';
export { pegawaiSearch, pegawaiPerson, pegawaiPositions, pegawaiRatings, pegawaiTransfers } from './pegawai';
