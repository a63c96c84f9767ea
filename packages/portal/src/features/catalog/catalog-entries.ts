/** A service a resident can apply for, as the portal's home lists it. */
export interface CatalogEntry {
  key: string;
  title: { 'zh-CN': string; en: string };
  category: string | null;
  /** The promised time limit, in working days when the matter says so. */
  workingDays: number | null;
  materials: number;
}

/**
 * The entries of GET /api/catalog/services (`{ items }`, or a bare list from runtimes before the list
 * shapes were made one), read defensively: the page shows what it understands.
 */
export function catalogEntries(body: unknown): CatalogEntry[] {
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.items) ? body.items : [];
  return list.filter(isRecord).map((item) => {
    const title = isRecord(item.title) ? item.title : {};
    const timeLimit = isRecord(item.timeLimit) ? item.timeLimit : {};
    return {
      key: String(item.key ?? ''),
      title: {
        'zh-CN': String(title['zh-CN'] ?? item.key ?? ''),
        en: String(title.en ?? title['zh-CN'] ?? item.key ?? ''),
      },
      category: typeof item.category === 'string' ? item.category : null,
      workingDays: typeof timeLimit.workingDays === 'number' ? timeLimit.workingDays : null,
      materials: Array.isArray(item.materials) ? item.materials.length : 0,
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
