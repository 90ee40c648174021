import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import type { ProductDetail } from '../../types';

/** Products' details by id, fetched once each (for titles, SKU codes and prices). */
export function useProducts(ids: string[]) {
  const key = [...new Set(ids)].sort().join(',');
  return useLoad(
    () => Promise.all(key ? key.split(',').map((id) => api.get<ProductDetail>(`/products/${id}`)) : []).then((ps) => Object.fromEntries(ps.map((p) => [p.id, p]))),
    [key],
  );
}
