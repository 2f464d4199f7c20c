export const roles = ['admin', 'officer', 'founder', 'expert', 'partner'] as const;
export type Role = (typeof roles)[number];

/** Who is making a request: what every service receives instead of an HTTP context. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Staff see every project and record support; admins are staff too. */
export function isStaff(actor: Actor | null | undefined): boolean {
  return actor?.role === 'officer' || actor?.role === 'admin';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Session lifetimes per role: staff sessions end sooner (idle and absolute), in seconds. */
export const sessionLimits: Record<Role, { idle: number; absolute: number }> = {
  admin: { idle: 30 * 60, absolute: 12 * 3600 },
  officer: { idle: 60 * 60, absolute: 12 * 3600 },
  founder: { idle: 7 * 86400, absolute: 30 * 86400 },
  expert: { idle: 7 * 86400, absolute: 30 * 86400 },
  partner: { idle: 7 * 86400, absolute: 30 * 86400 },
};
