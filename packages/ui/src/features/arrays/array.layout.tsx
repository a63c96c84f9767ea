import {
  Actions,
  and,
  createDefaultValue,
  findUISchema,
  isControl,
  isObjectArrayControl,
  isPrimitiveArrayControl,
  or,
  rankWith,
  Resolve,
  schemaTypeIs,
  uiTypeIs,
  type ArrayLayoutProps,
  type JsonSchema,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayLayoutProps } from '@jsonforms/react';
import { Button, Card, Fieldset, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/index.js';
import { useFormFeedback } from '../../form/feedback.js';
import { labelControls } from '../../form/label-controls.js';
import { arraysNamespace } from './namespace.js';

/** A list's legend reads as a field label does. */
const legendStyles = {
  legend: {
    fontWeight: 600,
    fontSize: 'var(--mantine-font-size-md)',
    marginBottom: 'var(--mantine-spacing-xs)',
  },
};

interface Removed {
  index: number;
  value: unknown;
}

/**
 * A list as cards, one under another, that fit a 360 px phone: each card holds one item's fields and
 * its buttons (move up, move down, remove) as words, not icons; "add" at the end. Removing can be
 * undone, so it does not ask first.
 */
function ArrayLayout(props: ArrayLayoutProps) {
  const {
    data: count,
    path,
    schema,
    arraySchema,
    uischema,
    uischemas,
    rootSchema,
    renderers,
    cells,
    label,
    visible,
    enabled,
    required,
    addItem,
    removeItems,
    moveUp,
    moveDown,
  } = props;
  const t = useT(arraysNamespace);
  const language = useLanguage();
  const { core, dispatch } = useJsonForms();
  const { shown, forget } = useFormFeedback();
  const [removed, setRemoved] = useState<Removed>();
  const [focusItem, setFocusItem] = useState<number>();
  const headings = useRef(new Map<number, HTMLHeadingElement>());

  const itemUiSchema = useMemo(
    () => findUISchema(uischemas ?? [], schema, uischema.scope, path, undefined, uischema, rootSchema),
    [uischemas, schema, uischema, path, rootSchema],
  );
  // after adding or moving, the person stays with the item they acted on
  useEffect(() => {
    if (focusItem === undefined) return;
    headings.current.get(focusItem)?.focus();
    setFocusItem(undefined);
  }, [focusItem]);

  if (!visible) return null;
  const items = Resolve.data(core?.data, path) as unknown[] | undefined;
  const ownErrors = shown
    .filter((message) => message.path === path)
    .map((message) => message.message[language]);
  const maxItems = typeof arraySchema.maxItems === 'number' ? arraySchema.maxItems : Infinity;
  const minItems = typeof arraySchema.minItems === 'number' ? arraySchema.minItems : 0;
  const canAdd = enabled && !props.disableAdd && count < maxItems;
  const canRemove = enabled && !props.disableRemove;
  // `options.elementLabelProp` names a field whose answer titles each card ("Item 2: 王小明")
  const labelProp = uischema.options?.elementLabelProp as string | undefined;
  const name = (n: number) => {
    const base = label ? t('itemOf', { label, n }) : t('item', { n });
    const own = labelProp ? Resolve.data(items?.[n - 1], labelProp) : undefined;
    return typeof own === 'string' && own.trim() !== '' ? t('named', { item: base, name: own }) : base;
  };

  const add = () => {
    addItem(path, createDefaultValue(schema, rootSchema))();
    setRemoved(undefined);
    setFocusItem(count);
  };
  const remove = (index: number) => {
    setRemoved({ index, value: items?.[index] });
    // the items after it move up: what was touched in them is no longer where it was
    forget(path);
    removeItems?.(path, [index])();
  };
  const undo = () => {
    if (!removed || !dispatch) return;
    const { index, value } = removed;
    dispatch(
      Actions.update(path, (list: unknown) => {
        const next = Array.isArray(list) ? [...(list as unknown[])] : [];
        next.splice(Math.min(index, next.length), 0, value);
        return next;
      }),
    );
    setRemoved(undefined);
    forget(path);
    setFocusItem(index);
  };
  const move = (index: number, by: -1 | 1) => {
    forget(path);
    (by < 0 ? moveUp : moveDown)?.(path, index)();
    setFocusItem(index + by);
  };

  return (
    <Fieldset
      legend={label ? `${label}${required ? ' *' : ''}` : undefined}
      variant="unstyled"
      styles={legendStyles}
    >
      <Stack gap="md">
        {ownErrors.length > 0 && (
          <Text c="var(--mantine-color-error)" fw={600} style={{ whiteSpace: 'pre-line' }}>
            {ownErrors.join('\n')}
          </Text>
        )}
        {count === 0 && <Text c="dimmed">{t('empty')}</Text>}
        {Array.from({ length: count }, (_, index) => (
          <Card
            key={index}
            withBorder
            padding="md"
            radius="sm"
            component="section"
            aria-label={name(index + 1)}
          >
            <Stack gap="md">
              <Title
                order={3}
                size="h5"
                tabIndex={-1}
                ref={(element) => {
                  if (element) headings.current.set(index, element);
                  else headings.current.delete(index);
                }}
              >
                {name(index + 1)}
              </Title>
              <JsonFormsDispatch
                schema={schema}
                uischema={isSingleValue(schema) ? labelControls(itemUiSchema, name(index + 1)) : itemUiSchema}
                path={`${path}.${index}`}
                enabled={enabled}
                renderers={renderers}
                cells={cells}
              />
              {enabled && (
                <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
                  <Button
                    variant="default"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`${t('moveUp')}: ${name(index + 1)}`}
                  >
                    {t('moveUp')}
                  </Button>
                  <Button
                    variant="default"
                    disabled={index === count - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`${t('moveDown')}: ${name(index + 1)}`}
                  >
                    {t('moveDown')}
                  </Button>
                  {canRemove && (
                    <Button
                      variant="default"
                      color="red"
                      disabled={count <= minItems}
                      onClick={() => remove(index)}
                      aria-label={`${t('remove')}: ${name(index + 1)}`}
                    >
                      {t('remove')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        ))}
        {removed && (
          <Group gap="sm" role="status">
            <Text>{t('removed', { n: removed.index + 1 })}</Text>
            <Button variant="subtle" onClick={undo}>
              {t('undo')}
            </Button>
          </Group>
        )}
        {canAdd && (
          <Group>
            <Button variant="outline" onClick={add}>
              {label ? t('addTo', { label }) : t('add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

export const arrayLayoutTester = rankWith(
  3,
  or(
    isObjectArrayControl,
    isPrimitiveArrayControl,
    // lists of lists, and JSON Forms' master-detail layout, shown the same way
    and(isControl, schemaTypeIs('array')),
    uiTypeIs('ListWithDetail'),
  ),
);
export const ArrayLayoutRenderer = withJsonFormsArrayLayoutProps(ArrayLayout);

/** An item with no fields of its own (a list of strings, say): its control is named after the item. */
const isSingleValue = (schema: JsonSchema): boolean =>
  schema.type !== 'object' && schema.type !== 'array' && schema.properties === undefined;
