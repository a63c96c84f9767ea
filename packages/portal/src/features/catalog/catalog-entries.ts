import type { Service } from '../services/services.api.js';

/** A service a resident can apply for, as the portal's home lists it. */
export interface CatalogEntry {
  key: string;
  title: Service['title'];
  /** Whether it can be applied for online: it has an application form. */
  online: boolean;
  category: string;
  /** The promised time limit in working days, when the matter gives it so. */
  workingDays: number | null;
  materials: number;
}

/** The entries of the catalog's answer, with what the home page shows of each. */
export function catalogEntries(services: readonly Service[]): CatalogEntry[] {
  return services.map((item) => ({
    key: item.key,
    title: item.title,
    category: item.category,
    workingDays: item.timeLimit.workingDays ?? null,
    materials: item.materials.length,
    online: item.form !== null,
  }));
}
