/** One administrative division: its GB/T 2260 code and its name. */
export interface Region {
  readonly code: string;
  readonly name: string;
}

/** The divisions of China, three levels: provinces, their cities, the cities' districts and counties. */
export interface Regions {
  readonly provinces: readonly Region[];
  citiesOf(provinceCode: string): readonly Region[];
  districtsOf(cityCode: string): readonly Region[];
}

/** The lists as @vant/area-data gives them: names keyed by six-digit code, one map a level. */
export interface AreaLists {
  readonly province_list: Readonly<Record<string, string>>;
  readonly city_list: Readonly<Record<string, string>>;
  readonly county_list: Readonly<Record<string, string>>;
}

function sortedRegions(list: Readonly<Record<string, string>>): Region[] {
  return Object.entries(list)
    .map(([code, name]) => ({ code, name }))
    .sort((left, right) => left.code.localeCompare(right.code));
}

function groupBy(regions: Region[], prefixLength: number): Map<string, Region[]> {
  const groups = new Map<string, Region[]>();
  for (const region of regions) {
    const prefix = region.code.slice(0, prefixLength);
    const group = groups.get(prefix);
    if (group) group.push(region);
    else groups.set(prefix, [region]);
  }
  return groups;
}

/** Indexes the lists: a province's cities share its first 2 digits, a city's districts its first 4. */
export function regionsFrom(lists: AreaLists): Regions {
  const citiesByProvince = groupBy(sortedRegions(lists.city_list), 2);
  const districtsByCity = groupBy(sortedRegions(lists.county_list), 4);
  return {
    provinces: sortedRegions(lists.province_list),
    citiesOf: (provinceCode) => citiesByProvince.get(provinceCode.slice(0, 2)) ?? [],
    districtsOf: (cityCode) => districtsByCity.get(cityCode.slice(0, 4)) ?? [],
  };
}

let loading: Promise<Regions> | undefined;

/**
 * The region lists, fetched once when an address field first shows: a chunk of their own (33 KB
 * gzipped), so a form without an address never pays for them.
 */
export function loadRegions(): Promise<Regions> {
  loading ??= import('@vant/area-data').then((module) => regionsFrom(module.areaList));
  return loading;
}
