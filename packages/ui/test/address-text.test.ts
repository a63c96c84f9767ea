import { areaList } from '@vant/area-data';
import { describe, expect, it } from 'vitest';
import { joinAddress, splitAddress } from '../src/features/address/address-text.js';
import { partsOf, valueOf } from '../src/features/address/address-value.js';
import { isAddressSchema } from '../src/features/address/address.tester.js';
import { regionsFrom } from '../src/features/address/regions.js';

const regions = regionsFrom(areaList);
const named = (parts: ReturnType<typeof splitAddress>): (string | undefined)[] => [
  parts.province?.name,
  parts.city?.name,
  parts.district?.name,
  parts.detail,
];

describe('the region lists', () => {
  it('should offer the 34 provincial divisions, a province’s cities and a city’s districts', () => {
    expect(regions.provinces).toHaveLength(34);
    expect(regions.provinces[0]).toEqual({ code: '110000', name: '北京市' });
    const guangdong = regions.provinces.find((region) => region.name === '广东省');
    const guangzhou = regions.citiesOf(guangdong?.code ?? '').find((region) => region.name === '广州市');
    expect(regions.districtsOf(guangzhou?.code ?? '').map((region) => region.name)).toContain('天河区');
  });
});

describe('an address written as one line', () => {
  it('should be read back into province, city, district and the rest', () => {
    expect(named(splitAddress('广东省广州市天河区体育西路1号', regions))).toEqual([
      '广东省',
      '广州市',
      '天河区',
      '体育西路1号',
    ]);
  });

  it('should write a municipality once and still find its district', () => {
    const parts = splitAddress('北京市朝阳区建国路88号', regions);
    expect(named(parts)).toEqual(['北京市', '北京市', '朝阳区', '建国路88号']);
    expect(joinAddress(parts)).toBe('北京市朝阳区建国路88号');
  });

  it('should find a county-level city the lists keep under a placeholder', () => {
    const parts = splitAddress('湖北省仙桃市沔街1号', regions);
    expect(named(parts)).toEqual(['湖北省', '省直辖县', '仙桃市', '沔街1号']);
    expect(joinAddress(parts)).toBe('湖北省仙桃市沔街1号');
  });

  it('should keep all of a line that names no province as the detail, losing nothing', () => {
    expect(named(splitAddress('光明街道幸福小区3栋', regions))).toEqual([
      undefined,
      undefined,
      undefined,
      '光明街道幸福小区3栋',
    ]);
  });

  it('should round-trip every district of the lists', () => {
    let checked = 0;
    for (const province of regions.provinces) {
      for (const city of regions.citiesOf(province.code)) {
        for (const district of regions.districtsOf(city.code)) {
          const line = joinAddress({ province, city, district, detail: '1号' });
          const parts = splitAddress(line, regions);
          expect(joinAddress(parts), line).toBe(line);
          expect(parts.district?.code, line).toBe(district.code);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('an address stored as an object of names', () => {
  it('should store the names chosen and the detail, and read them back', () => {
    const parts = splitAddress('广东省广州市天河区体育西路1号', regions);
    const value = valueOf(parts, true);
    expect(value).toEqual({ province: '广东省', city: '广州市', district: '天河区', detail: '体育西路1号' });
    expect(named(partsOf(value, regions))).toEqual(named(parts));
    expect(valueOf({ detail: '' }, true)).toBeUndefined();
    expect(valueOf({ detail: '' }, false)).toBeUndefined();
  });

  it('should be chosen for the library’s address strings and objects with the four parts, not for a place in a community', () => {
    const part = { type: 'string' } as const;
    expect(isAddressSchema({ type: 'string', 'x-element': 'address.residential' } as never)).toBe(true);
    expect(isAddressSchema({ type: 'string', 'x-element': 'business.address' } as never)).toBe(true);
    expect(isAddressSchema({ type: 'string', 'x-element': 'household.registeredAddress' } as never)).toBe(
      true,
    );
    expect(isAddressSchema({ type: 'string', 'x-element': 'address.event' } as never)).toBe(false);
    expect(
      isAddressSchema({
        type: 'object',
        'x-element': 'address',
        properties: { province: part, city: part, district: part, detail: part },
      } as never),
    ).toBe(true);
    expect(isAddressSchema({ type: 'object', properties: { province: part } })).toBe(false);
  });
});
