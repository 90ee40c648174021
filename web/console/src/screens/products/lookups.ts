import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import type { Brand, CategoryNode } from '../../types';

/** Categories and brands, which every catalog screen needs for names and pickers. */
export function useCatalogLookups() {
  const categories = useLoad(() => api.get<{ items: CategoryNode[] }>('/categories').then((r) => r.items), []);
  const brands = useLoad(() => api.get<{ items: Brand[] }>('/brands').then((r) => r.items), []);
  return { categories, brands };
}

export function flattenCategories(tree: CategoryNode[] = [], depth = 0): Array<CategoryNode & { depth: number }> {
  return tree.flatMap((c) => [{ ...c, depth }, ...flattenCategories(c.children, depth + 1)]);
}

/** Tree options for antd's TreeSelect. */
export function categoryTreeData(tree: CategoryNode[] = []): Array<{ value: string; title: string; children: ReturnType<typeof categoryTreeData> }> {
  return tree.map((c) => ({ value: c.id, title: pick(c.name), children: categoryTreeData(c.children) }));
}
