/** Kinds of room in the coworking space. */
export const roomKinds = ['hall', 'workroom', 'meeting_room', 'library_corner'] as const;
export type RoomKind = (typeof roomKinds)[number];

/** A booking's life: requested and approved hold the room; refused and cancelled free it. */
export const bookingStatuses = ['requested', 'approved', 'refused', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** The statuses that hold the room (the exclusion constraint's WHERE says the same). */
export const holdingStatuses = ['requested', 'approved'] as const satisfies readonly BookingStatus[];

/** Who a room may let book besides staff (officers and admins always may). */
export const bookerRoles = ['founder', 'partner', 'expert'] as const;
export type BookerRole = (typeof bookerRoles)[number];
