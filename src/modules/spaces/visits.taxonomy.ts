/** Why someone came to the coworking space. */
export const visitPurposes = ['information', 'support', 'meeting', 'workroom', 'event'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/** How a visit was recorded: by the officer at the desk, or by the visitor from the QR poster. */
export const visitChannels = ['desk', 'self'] as const;
export type VisitChannel = (typeof visitChannels)[number];
