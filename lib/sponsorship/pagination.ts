/** Page arithmetic shared by the partner API's lists. */
export interface PageRequest {
  page: number;
  limit: number;
}

export function pageWindow({ page, limit }: PageRequest): { skip: number; take: number } {
  return { skip: (page - 1) * limit, take: limit };
}

export function pageInfo({ page, limit }: PageRequest, total: number) {
  return { total, page, limit, pages: Math.ceil(total / limit) };
}
