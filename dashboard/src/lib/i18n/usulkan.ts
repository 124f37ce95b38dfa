/**
 * Texts of the "Usulkan rotasi" (propose a rotation) panel of /simulasi, Bahasa Indonesia first.
 */
import type { Objective, SolveStatus } from '#optimize/types.ts';

const id = {
  title: 'Usulkan rotasi',
  intro:
    'Pengoptimal mencari himpunan mutasi terbaik menurut aturan merit (masa jabatan minimal, pendidikan dan kompetensi, jenis dan kelas jabatan yang sama, kesediaan pegawai, larangan menjelang pilkada, staf minimal unit) dan menyebut seberapa jauh dari yang terbaik. Usulan mengisi rencana di bawah dan dapat diubah.',
  objective: 'Tujuan',
  objectives: {
    gap: 'Kurangi selisih kebutuhan pegawai (Σ |kebutuhan − ada|)',
    'max-ej': 'Turunkan EJ unit tertinggi',
    gini: 'Ratakan beban antarunit (indeks Hoover)',
  } as Record<Objective, string>,
  maxMoves: 'Mutasi paling banyak',
  timeLimit: 'Batas waktu (detik)',
  propose: 'Usulkan rotasi',
  cancel: 'Batalkan',
  running: 'Menghitung…',
  progress: (best: string, bound: string, gap: string, secs: string) => `Terbaik ${best} · batas bawah ${bound} · celah ${gap} · ${secs} dtk`,
  greedyFirst: (v: string) => `Rencana awal (greedy): ${v}`,
  status: {
    optimal: 'Optimal (terbukti)',
    time_limit: 'Batas waktu tercapai: rencana terbaik sejauh ini',
    interrupted: 'Dibatalkan: rencana terbaik sejauh ini',
    gap_limit: 'Cukup dekat dengan batas',
    no_moves_possible: 'Tidak ada mutasi yang dimungkinkan aturan',
  } as Record<SolveStatus, string>,
  result: (before: string, after: string, moves: number, greedy: string, gap: string) =>
    `Nilai tujuan ${before} → ${after} dengan ${moves} mutasi (greedy: ${greedy}); celah terhadap batas ${gap}.`,
  cancelled: (moves: number) => `Dibatalkan. ${moves} mutasi dari rencana terbaik sejauh ini dimasukkan ke rencana.`,
  cancelledNone: 'Dibatalkan sebelum ada rencana.',
  noMoves: 'Tidak ada mutasi yang memperbaiki tujuan menurut aturan.',
  replaces: 'Usulan menggantikan rencana yang ada.',
  failed: 'Pengoptimal gagal:',
};

const en: typeof id = {
  title: 'Propose a rotation',
  intro:
    'The optimiser finds the best set of moves under the merit rules (minimum tenure, education and competencies, the same kind and class of position, willingness, the pre-election ban, units’ minimum staff) and says how far from the best it is. The proposal fills the plan below, where it can be edited.',
  objective: 'Objective',
  objectives: {
    gap: 'Reduce the staffing gap (Σ |required − current|)',
    'max-ej': 'Lower the highest unit EJ',
    gini: 'Even out load across units (Hoover index)',
  },
  maxMoves: 'At most this many moves',
  timeLimit: 'Time limit (seconds)',
  propose: 'Propose a rotation',
  cancel: 'Cancel',
  running: 'Working…',
  progress: (best, bound, gap, secs) => `Best ${best} · bound ${bound} · gap ${gap} · ${secs} s`,
  greedyFirst: (v) => `First plan (greedy): ${v}`,
  status: {
    optimal: 'Optimal (proven)',
    time_limit: 'Time limit reached: best plan so far',
    interrupted: 'Cancelled: best plan so far',
    gap_limit: 'Close enough to the bound',
    no_moves_possible: 'The rules allow no move',
  },
  result: (before, after, moves, greedy, gap) => `Objective ${before} → ${after} with ${moves} moves (greedy: ${greedy}); gap to the bound ${gap}.`,
  cancelled: (moves) => `Cancelled. ${moves} moves of the best plan so far were put in the plan.`,
  cancelledNone: 'Cancelled before any plan.',
  noMoves: 'No move improves the objective under the rules.',
  replaces: 'The proposal replaces the current plan.',
  failed: 'The optimiser failed:',
};

export const USULKAN_TEXTS = { id, en };
