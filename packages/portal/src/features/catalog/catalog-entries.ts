import type { BundleSummary } from '../bundle/bundle.api.js';
import type { Service } from '../services/services.api.js';

type Text = Service['title'];

/** A service a resident can apply for, as the portal's home lists it. */
export interface CatalogEntry {
  key: string;
  title: Text;
  description: Text | null;
  /** Whether it can be applied for online: it has an application form. */
  online: boolean;
  /** A neighbourhood problem to report (随手拍) rather than something to apply for. */
  report: boolean;
  /** The lead department's name, then the cooperating ones'. */
  lead: Text;
  cooperating: Text[];
  /** The promised time limit in working days, when the matter gives it so. */
  workingDays: number | null;
  /** The day that promise means for an application sent now. */
  promisedBy: string | null;
  materials: Service['materials'];
  legalBasis: Text[];
  /** What search matches: both titles and the pinyin initials, lower case. */
  searchText: string;
}

/** A group of services on the home page: a life event (a bundle, applied for at once) or a department. */
export interface CatalogGroup {
  /** A bundle's or a department's key, or `neighbourhood` / `others` (their titles are the page's words). */
  key: string;
  title: Text | null;
  description: Text | null;
  /** The bundle that applies for the whole group at once, when the group is a life event. */
  bundle: BundleSummary | null;
  entries: CatalogEntry[];
}

const nameOf = (service: Service, code: string): Text =>
  service.departmentNames[code] ?? { 'zh-CN': code, en: code };

/** The entries of the catalog's answer, with what the home page shows of each. */
export function catalogEntries(services: readonly Service[]): CatalogEntry[] {
  return services.map((item) => ({
    key: item.key,
    title: item.title,
    description: item.description ?? null,
    online: item.form !== null,
    report: item.eventTypes.length > 0,
    lead: nameOf(item, item.lead),
    cooperating: item.cooperating.map((code) => nameOf(item, code)),
    workingDays: item.timeLimit.workingDays ?? null,
    promisedBy: item.promisedBy,
    materials: item.materials,
    legalBasis: item.legalBasis,
    searchText: [item.title['zh-CN'], item.title.en, item.initials, item.key].join(' ').toLowerCase(),
  }));
}

/** Whether an entry or a bundle matches what was typed: any word of it, in either language or as pinyin initials. */
export function matches(searchText: string, typed: string): boolean {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => searchText.includes(word));
}

export const bundleSearchText = (bundle: BundleSummary) =>
  [bundle.title['zh-CN'], bundle.title.en, bundle.initials, bundle.key].join(' ').toLowerCase();

/**
 * The home page by life event: each bundle with its matters (a matter in two bundles shows in both),
 * the neighbourhood problems one reports, then everything else.
 */
export function byLifeEvent(
  entries: readonly CatalogEntry[],
  bundles: readonly BundleSummary[],
): CatalogGroup[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const placed = new Set<string>();
  const groups: CatalogGroup[] = bundles.map((bundle) => {
    const inIt = bundle.matters.flatMap((matter) => byKey.get(matter) ?? []);
    inIt.forEach((entry) => placed.add(entry.key));
    return {
      key: bundle.key,
      title: bundle.title,
      description: bundle.description ?? null,
      bundle,
      entries: inIt,
    };
  });
  const reports = entries.filter((entry) => !placed.has(entry.key) && entry.report);
  const rest = entries.filter((entry) => !placed.has(entry.key) && !entry.report);
  if (reports.length > 0)
    groups.push({
      key: 'neighbourhood',
      title: null,
      description: null,
      bundle: null,
      entries: reports,
    });
  if (rest.length > 0)
    groups.push({ key: 'others', title: null, description: null, bundle: null, entries: rest });
  return groups;
}

/** The home page by the department that leads each service, departments in the order of their Chinese names. */
export function byDepartment(entries: readonly CatalogEntry[]): CatalogGroup[] {
  const groups = new Map<string, CatalogGroup>();
  for (const entry of entries) {
    const key = entry.lead['zh-CN'];
    const group = groups.get(key) ?? { key, title: entry.lead, description: null, bundle: null, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  // keyed by the lead's Chinese name: the order of the names
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));
}
