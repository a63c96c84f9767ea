import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type FocusEvent } from 'react';
import { useT } from '../../i18n/index.js';
import type { AddressParts } from './address-text.js';
import { partsOf, valueOf } from './address-value.js';
import { addressNamespace } from './namespace.js';
import type { Region, Regions } from './regions.js';
import { useRegions } from './use-regions.js';

type Level = 'province' | 'city' | 'district';

/** The parts' labels a little lighter than the question's own, so the group reads as one question. */
const partLabel = { fw: 400 } as const;

function options(regions: readonly Region[], placeholder: string): { value: string; label: string }[] {
  return [
    { value: '', label: placeholder },
    ...regions.map((region) => ({ value: region.code, label: region.name })),
  ];
}

/**
 * Province, city and district as cascading native selects (the phone's own picker, the keyboard's
 * arrows and type-ahead), then the street address typed. The region lists load in their own chunk
 * while the selects wait in place, so nothing moves when they arrive.
 */
function AddressControl(props: ControlProps): React.JSX.Element | null {
  const { data, handleChange, path, id, label, required, enabled, visible, errors, schema, description } =
    props;
  const t = useT(addressNamespace);
  const regionsState = useRegions();
  // the parts as chosen here; the form's data comes back renders later, so an answer that is the echo
  // of one this control wrote keeps them, and any other (a draft restored, a reset) is read afresh
  const [edited, setEdited] = useState<AddressParts | undefined>(undefined);
  const seen = useRef(JSON.stringify(data ?? null));
  const unechoed = useRef<string[]>([]);
  const [touched, setTouched] = useState(false);
  const stored = JSON.stringify(data ?? null);
  let own = edited;
  if (stored !== seen.current) {
    seen.current = stored;
    const echo = unechoed.current.indexOf(stored);
    if (echo >= 0) unechoed.current = unechoed.current.slice(echo + 1);
    else {
      unechoed.current = [];
      own = undefined;
      setEdited(undefined);
    }
  }
  if (!visible) return null;

  const asObject = schema.type === 'object';
  const regions: Regions | undefined = regionsState.status === 'ready' ? regionsState.regions : undefined;
  const parts: AddressParts =
    own ?? (regions ? partsOf(data, regions) : { detail: typeof data === 'string' ? data : '' });

  const update = (next: AddressParts): void => {
    const value = valueOf(next, asObject);
    unechoed.current.push(JSON.stringify(value ?? null));
    setEdited(next);
    handleChange(path, value);
  };

  const choose = (level: Level, code: string): void => {
    if (!regions) return;
    if (level === 'province') {
      const province = regions.provinces.find((region) => region.code === code);
      const cities = province ? regions.citiesOf(province.code) : [];
      // a municipality has one "city": choose it, so the districts are offered at once
      update({ province, city: cities.length === 1 ? cities[0] : undefined, detail: parts.detail });
    } else if (level === 'city') {
      const city = parts.province
        ? regions.citiesOf(parts.province.code).find((r) => r.code === code)
        : undefined;
      update({ province: parts.province, city, detail: parts.detail });
    } else {
      const district = parts.city
        ? regions.districtsOf(parts.city.code).find((r) => r.code === code)
        : undefined;
      update({ ...parts, district });
    }
  };

  // touched once focus leaves the whole group, not when it moves from one select to the next
  const onBlur = (event: FocusEvent<HTMLFieldSetElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTouched(true);
  };

  const cities = regions && parts.province ? regions.citiesOf(parts.province.code) : [];
  const districts = regions && parts.city ? regions.districtsOf(parts.city.code) : [];
  const started = parts.province !== undefined;
  const levelError = (level: Level): string | undefined => {
    if (!touched || !started) return undefined;
    if (level === 'city' && !parts.city && cities.length > 0) return t('chooseCity');
    if (level === 'district' && parts.city && !parts.district && districts.length > 0)
      return t('chooseDistrict');
    return undefined;
  };
  const placeholder = regionsState.status === 'loading' ? t('loading') : t('choose');
  const disabled = !enabled || !regions;

  return (
    <Fieldset
      id={id}
      variant="unstyled"
      p={0}
      m={0}
      miw={0}
      legend={
        <Text component="span" fw={600} size="md" mb="xs">
          {label}
          {required && (
            <Text component="span" c="var(--mantine-color-error)" aria-hidden="true">
              {' *'}
            </Text>
          )}
        </Text>
      }
      onBlur={onBlur}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            id={`${id}-province`}
            label={t('province')}
            labelProps={partLabel}
            aria-required={required || undefined}
            disabled={disabled}
            value={parts.province?.code ?? ''}
            onChange={(event) => choose('province', event.currentTarget.value)}
            data={options(regions?.provinces ?? [], placeholder)}
          />
          <NativeSelect
            id={`${id}-city`}
            label={t('city')}
            labelProps={partLabel}
            aria-required={required || undefined}
            disabled={disabled || cities.length === 0}
            value={parts.city?.code ?? ''}
            onChange={(event) => choose('city', event.currentTarget.value)}
            data={options(cities, placeholder)}
            error={levelError('city')}
          />
          <NativeSelect
            id={`${id}-district`}
            label={t('district')}
            labelProps={partLabel}
            aria-required={(required && districts.length > 0) || undefined}
            disabled={disabled || districts.length === 0}
            value={parts.district?.code ?? ''}
            onChange={(event) => choose('district', event.currentTarget.value)}
            data={options(districts, placeholder)}
            error={levelError('district')}
          />
        </SimpleGrid>
        <TextInput
          id={`${id}-detail`}
          label={t('detail')}
          labelProps={partLabel}
          description={regionsState.status === 'failed' ? t('loadFailed') : (description ?? t('detailHint'))}
          aria-required={required || undefined}
          disabled={!enabled}
          value={parts.detail}
          onChange={(event) => update({ ...parts, detail: event.currentTarget.value })}
          error={errors || undefined}
          autoComplete="street-address"
        />
      </Stack>
    </Fieldset>
  );
}

export const AddressRenderer = withJsonFormsControlProps(AddressControl);
