export const PAGE_SIZE = 20;

/** Page number from the URL, at least 1. */
export function pageFrom(url: URL): number {
  const n = Number(url.searchParams.get("page"));
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}
