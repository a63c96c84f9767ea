import { rankWith, uiTypeIs, type LabelProps } from '@jsonforms/core';
import { withJsonFormsLabelProps } from '@jsonforms/react';
import { Text } from '@mantine/core';

/** A line of text between fields (a heading for what follows, or a note). */
function LabelRenderer({ text, visible }: LabelProps) {
  if (!visible || !text) return null;
  return (
    <Text fw={600} size="lg">
      {text}
    </Text>
  );
}

export const labelTester = rankWith(1, uiTypeIs('Label'));
export const LabelRendererEntry = withJsonFormsLabelProps(LabelRenderer);
