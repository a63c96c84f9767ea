import type { Region, Regions } from './regions.js';

/** An address as the control edits it: the three levels chosen, and the rest typed. */
export interface AddressParts {
  readonly province?: Region;
  readonly city?: Region;
  readonly district?: Region;
  readonly detail: string;
}

/**
 * City entries that are not a name a person writes: a municipality's city is the municipality again
 * (北京市 北京市), and the lists group county-level cities under placeholders (省直辖县, 县).
 */
export function isWrittenCityName(city: Region, province: Region | undefined): boolean {
  return city.name !== province?.name && !/^(省直辖县|自治区直辖县级行政区划|县)$/.test(city.name);
}

/** The address as one line, the way it is written on an envelope: 广东省广州市天河区体育西路 1 号. */
export function joinAddress(parts: AddressParts): string {
  const city = parts.city && isWrittenCityName(parts.city, parts.province) ? parts.city.name : '';
  return `${parts.province?.name ?? ''}${city}${parts.district?.name ?? ''}${parts.detail}`;
}

function longestPrefix(text: string, regions: readonly Region[]): Region | undefined {
  let best: Region | undefined;
  for (const region of regions) {
    if (text.startsWith(region.name) && region.name.length > (best?.name.length ?? 0)) best = region;
  }
  return best;
}

/**
 * Reads an address written as one line back into its parts, so a saved answer opens with its
 * province, city and district chosen. What does not start with a province stays as it was, all of
 * it the detail: nothing a person wrote is lost.
 */
export function splitAddress(text: string, regions: Regions): AddressParts {
  const province = longestPrefix(text, regions.provinces);
  if (!province) return { detail: text };
  let rest = text.slice(province.name.length);
  const cities = regions.citiesOf(province.code);
  let city = longestPrefix(
    rest,
    cities.filter((candidate) => isWrittenCityName(candidate, province)),
  );
  if (city) {
    rest = rest.slice(city.name.length);
  } else {
    // a municipality, or a county-level city under a placeholder: find the district in any of them
    for (const candidate of cities) {
      if (isWrittenCityName(candidate, province)) continue;
      if (longestPrefix(rest, regions.districtsOf(candidate.code))) {
        city = candidate;
        break;
      }
    }
    city ??= cities.length === 1 ? cities[0] : undefined;
  }
  const district = city ? longestPrefix(rest, regions.districtsOf(city.code)) : undefined;
  if (district) rest = rest.slice(district.name.length);
  return { province, city, district, detail: rest };
}
