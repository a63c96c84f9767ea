import { joinAddress, splitAddress, type AddressParts } from './address-text.js';
import type { Region, Regions } from './regions.js';

/**
 * An address stored as the form's schema says: one line (the library's forms: `type: string`) or an
 * object of names `{ province, city, district, detail }`.
 */
export type AddressValue = string | { province?: string; city?: string; district?: string; detail?: string };

function byName(regions: readonly Region[], name: unknown): Region | undefined {
  return typeof name === 'string' ? regions.find((region) => region.name === name) : undefined;
}

/** The parts an answer holds, with the regions it names found in the lists. */
export function partsOf(value: unknown, regions: Regions): AddressParts {
  if (typeof value === 'string') return splitAddress(value, regions);
  if (value === null || typeof value !== 'object') return { detail: '' };
  const named = value as Record<string, unknown>;
  const province = byName(regions.provinces, named.province);
  const city = province ? byName(regions.citiesOf(province.code), named.city) : undefined;
  const district = city ? byName(regions.districtsOf(city.code), named.district) : undefined;
  return { province, city, district, detail: typeof named.detail === 'string' ? named.detail : '' };
}

/** The answer to store for the parts, in the schema's shape; undefined when nothing is given. */
export function valueOf(parts: AddressParts, asObject: boolean): AddressValue | undefined {
  if (!asObject) {
    const line = joinAddress(parts);
    return line === '' ? undefined : line;
  }
  const value = {
    ...(parts.province && { province: parts.province.name }),
    ...(parts.city && { city: parts.city.name }),
    ...(parts.district && { district: parts.district.name }),
    ...(parts.detail !== '' && { detail: parts.detail }),
  };
  return Object.keys(value).length === 0 ? undefined : value;
}
