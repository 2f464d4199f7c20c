/** Codes the people registry keeps; the same lists as a registration form asks for. */
export const personSexes = ['female', 'male'] as const;
export type PersonSex = (typeof personSexes)[number];

export const personEthnicities = [
  'kinh',
  'tay',
  'nung',
  'dao',
  'san_chay',
  'hmong',
  'hoa',
  'san_diu',
  'other',
] as const;
export type PersonEthnicity = (typeof personEthnicities)[number];
