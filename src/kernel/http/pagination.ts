export interface Page {
  page: number;
  perPage: number;
  offset: number;
}

export interface PageInfo extends Page {
  total: number;
  pages: number;
}

/**
 * Reads `?page=` safely: anything that is not a positive integer is page 1; never past 10 000.
 * @example const p = pageFrom(c.req.query('page'), 20)
 */
export function pageFrom(raw: string | undefined, perPage = 20): Page {
  const n = Number(raw);
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, 10_000) : 1;
  return { page, perPage, offset: (page - 1) * perPage };
}

export function pageInfo(p: Page, total: number): PageInfo {
  return { ...p, total, pages: Math.max(1, Math.ceil(total / p.perPage)) };
}
