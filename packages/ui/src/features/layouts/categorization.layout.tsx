import {
  isVisible,
  rankWith,
  uiTypeIs,
  type Categorization,
  type Category,
  type LayoutProps,
  type UISchemaElement,
} from '@jsonforms/core';
import { useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { Stack, Title } from '@mantine/core';
import { useLanguage } from '../../i18n/index.js';
import { localize } from '../../form/translator.js';
import { layoutChildren } from './layout-children.js';

/**
 * A Categorization as sections one after another, each with its heading: the fallback where no
 * wizard is wanted (the wizard, ranked higher, shows one category a page). Hidden categories stay hidden.
 */
function CategorizationRenderer({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  const { core, config } = useJsonForms();
  const language = useLanguage();
  if (!visible || !core) return null;
  const shown = (element: UISchemaElement) =>
    core.ajv === undefined || isVisible(element, core.data, path, core.ajv, config);
  const sections = (uischema as Categorization).elements.filter(shown);
  return (
    <Stack gap="xl">
      {sections.map((section, index) =>
        section.type === 'Categorization' ? (
          <Stack key={index} gap="xl">
            {layoutChildren({ elements: [section], schema, path, enabled, renderers, cells })}
          </Stack>
        ) : (
          <Stack key={index} gap="lg" component="section">
            <Title order={2} size="h3">
              {localize((section as Category).label, language)}
            </Title>
            {layoutChildren({
              elements: (section as Category).elements,
              schema,
              path,
              enabled,
              renderers,
              cells,
            })}
          </Stack>
        ),
      )}
    </Stack>
  );
}

export const categorizationTester = rankWith(1, uiTypeIs('Categorization'));
export const CategorizationRendererEntry = withJsonFormsLayoutProps(CategorizationRenderer);
