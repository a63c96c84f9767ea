import type { paths } from '@tongban/client';

/** GET /api/catalog/services as the client's generated types say it answers. */
type CatalogAnswer = paths['/api/catalog/services']['get']['responses'][200]['content']['application/json'];
type CatalogItem = CatalogAnswer['items'][number];

/** A service a resident can apply for, as the portal's home lists it. */
export interface CatalogEntry {
  key: string;
  title: CatalogItem['title'];
  category: string;
  /** The promised time limit in working days, when the matter gives it so. */
  workingDays: number | null;
  materials: number;
}

/** The entries of the catalog's answer, with what the home page shows of each. */
export function catalogEntries(answer: CatalogAnswer): CatalogEntry[] {
  return answer.items.map((item) => ({
    key: item.key,
    title: item.title,
    category: item.category,
    workingDays: item.timeLimit.workingDays ?? null,
    materials: item.materials.length,
  }));
}
