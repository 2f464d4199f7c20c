/** The places module's words: Vietnamese (the source of the keys) and English. */
export const vi = {
  'commune.kind.commune': 'Xã',
  'commune.kind.ward': 'Phường',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {
  'commune.kind.commune': 'Commune',
  'commune.kind.ward': 'Ward',
};

declare module '#kernel/i18n/index.ts' {
  interface Messages extends Record<keyof typeof vi, string> {}
}
