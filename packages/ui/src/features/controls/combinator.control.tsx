import {
  createCombinatorRenderInfos,
  createDefaultValue,
  isAllOfControl,
  isAnyOfControl,
  isOneOfControl,
  rankWith,
  type CombinatorRendererProps,
  type JsonSchema,
} from '@jsonforms/core';
import {
  JsonFormsDispatch,
  withJsonFormsAllOfProps,
  withJsonFormsAnyOfProps,
  withJsonFormsOneOfProps,
} from '@jsonforms/react';
import { Fieldset, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { localize } from '../../form/translator.js';
import { labelControls } from '../../form/label-controls.js';
import { controlsNamespace } from './namespace.js';

type Keyword = 'oneOf' | 'anyOf';

/** A group's legend reads as a field label does. */
const legendStyles = {
  legend: {
    fontWeight: 600,
    fontSize: 'var(--mantine-font-size-md)',
    marginBottom: 'var(--mantine-spacing-xs)',
  },
};

/**
 * A value that may take one of several shapes (`oneOf` / `anyOf`): the person picks the shape, its
 * fields are shown. Switching keeps what was typed in the other shape, to bring back on switching back.
 */
function makeChoiceControl(keyword: Keyword) {
  return function ChoiceControl(props: CombinatorRendererProps) {
    const { schema, rootSchema, uischema, path, uischemas, visible, enabled, label, data, handleChange } =
      props;
    const t = useT(controlsNamespace);
    const language = useLanguage();
    const labelId = useId();
    const [chosen, setChosen] = useState(Math.max(0, props.indexOfFittingSchema ?? 0));
    const kept = useRef(new Map<number, unknown>());
    if (!visible) return null;
    const branches = (schema[keyword] ?? []) as JsonSchema[];
    const infos = createCombinatorRenderInfos(branches, rootSchema, keyword, uischema, path, uischemas);
    const choose = (value: string) => {
      const next = Number(value);
      if (next === chosen) return;
      kept.current.set(chosen, data);
      setChosen(next);
      const branch = branches[next];
      const restored = kept.current.has(next)
        ? kept.current.get(next)
        : branch === undefined
          ? undefined
          : createDefaultValue(branch, rootSchema);
      handleChange(path, restored);
    };
    const current = infos[chosen];
    return (
      <Fieldset legend={label || undefined} variant="unstyled" styles={legendStyles}>
        <Stack gap="sm">
          <Text id={labelId} size="sm">
            {t('chooseKind')}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            value={String(chosen)}
            onChange={choose}
            disabled={!enabled}
            data={infos.map((info, index) => ({
              value: String(index),
              label: localize(info.label, language) ?? info.label,
            }))}
            fullWidth
            orientation={infos.length > 3 ? 'vertical' : 'horizontal'}
          />
          {current && (
            <JsonFormsDispatch
              schema={current.schema}
              uischema={labelControls(
                current.uischema,
                label || (localize(current.label, language) ?? current.label),
              )}
              path={path}
              renderers={props.renderers}
              cells={props.cells}
              enabled={enabled}
            />
          )}
        </Stack>
      </Fieldset>
    );
  };
}

/** Every part of an `allOf`, one after another. */
function AllOfControl(props: CombinatorRendererProps) {
  const { schema, rootSchema, uischema, path, uischemas, visible, enabled } = props;
  if (!visible) return null;
  const infos = createCombinatorRenderInfos(
    (schema.allOf ?? []) as JsonSchema[],
    rootSchema,
    'allOf',
    uischema,
    path,
    uischemas,
  );
  return (
    <Stack gap="md">
      {infos.map((info, index) => (
        <JsonFormsDispatch
          key={index}
          schema={info.schema}
          uischema={info.uischema}
          path={path}
          renderers={props.renderers}
          cells={props.cells}
          enabled={enabled}
        />
      ))}
    </Stack>
  );
}

export const oneOfControlTester = rankWith(3, isOneOfControl);
export const OneOfControlRenderer = withJsonFormsOneOfProps(makeChoiceControl('oneOf'));
export const anyOfControlTester = rankWith(3, isAnyOfControl);
export const AnyOfControlRenderer = withJsonFormsAnyOfProps(makeChoiceControl('anyOf'));
export const allOfControlTester = rankWith(3, isAllOfControl);
export const AllOfControlRenderer = withJsonFormsAllOfProps(AllOfControl);
