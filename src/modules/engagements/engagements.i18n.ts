/** The engagements module's words: Vietnamese (the source of the keys) and English. Imports nothing. */
export const vi = {} as const satisfies Record<string, string>;

export const en: Record<keyof typeof vi, string> = {};
