import type { Category } from './types';

/** The category with this slug and the path of categories from the top down to it. */
export function findCategory(tree: Category[], slug: string): { node: Category; path: Category[] } | null {
  for (const node of tree) {
    if (node.slug === slug) return { node, path: [node] };
    const below = findCategory(node.children, slug);
    if (below) return { node: below.node, path: [node, ...below.path] };
  }
  return null;
}

export function findCategoryById(tree: Category[], id: string): { node: Category; path: Category[] } | null {
  for (const node of tree) {
    if (node.id === id) return { node, path: [node] };
    const below = findCategoryById(node.children, id);
    if (below) return { node: below.node, path: [node, ...below.path] };
  }
  return null;
}

export function* allCategories(tree: Category[]): Generator<Category> {
  for (const node of tree) {
    yield node;
    yield* allCategories(node.children);
  }
}
