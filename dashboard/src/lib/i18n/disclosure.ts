/** Texts of the disclosure control (UU 27/2022) where anonymous pages show suppressed counts. Bahasa Indonesia first. */
const id = {
  primary: (k: number) => `< ${k}`,
  secondary: '·',
  note: (k: number) =>
    `Perlindungan data pribadi (UU 27/2022): jumlah kurang dari ${k} orang ditampilkan “< ${k}”; “·” disembunyikan agar jumlah itu tidak dapat dihitung dari total.`,
};
const en: typeof id = {
  primary: (k: number) => `< ${k}`,
  secondary: '·',
  note: (k: number) =>
    `Personal data protection (UU 27/2022): counts of fewer than ${k} people read “< ${k}”; “·” is hidden so that such a count cannot be worked out from the total.`,
};
export const DISCLOSURE_TEXTS = { id, en };
export const disclosureTexts = (lang: 'id' | 'en') => DISCLOSURE_TEXTS[lang];
