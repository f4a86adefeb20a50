/** The ORUK page envelope: pages start at 1; a page past the end is an empty page, not an error. */
export interface OrukPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function pageOf<T>(all: readonly T[], page: number, perPage: number): OrukPage<T> {
  const contents = all.slice((page - 1) * perPage, page * perPage);
  return envelope(contents, all.length, page, perPage);
}

/** The envelope around one page's items when the total is counted elsewhere. */
export function envelope<T>(
  contents: T[],
  totalItems: number,
  page: number,
  perPage: number,
): OrukPage<T> {
  const totalPages = Math.ceil(totalItems / perPage);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page === totalPages,
    empty: contents.length === 0,
    contents,
  };
}
