import {
  composeWithUi,
  isControl,
  type ControlElement,
  type JsonFormsRendererRegistryEntry,
} from '@jsonforms/core';
import { useContext, useId, type ComponentType, type FocusEvent } from 'react';
import { FieldNotesContext, FieldTouchContext, fieldPathAttribute } from './feedback.js';

type Renderer = JsonFormsRendererRegistryEntry['renderer'];
interface DispatchedProps {
  uischema?: { type: string };
  path?: string;
}

const framed = new WeakMap<ComponentType<DispatchedProps>, ComponentType<DispatchedProps>>();

/**
 * Wraps a renderer so that each field it renders is marked with its data path (for the error
 * summary's links), is "touched" when the person leaves it, and has its note said under it (where an
 * answer came from, why it is asked): every control gets this, ours and the special ones alike,
 * without having to do it itself.
 */
export function withFieldFrame(renderer: Renderer): Renderer {
  const Inner = renderer as ComponentType<DispatchedProps>;
  const known = framed.get(Inner);
  if (known) return known;
  function FieldFrame(props: DispatchedProps) {
    const touch = useContext(FieldTouchContext);
    const notes = useContext(FieldNotesContext);
    const noteId = useId();
    const uischema = props.uischema;
    if (!uischema || !isControl(uischema)) return <Inner {...props} />;
    const path = composeWithUi(uischema as ControlElement, props.path ?? '');
    const onBlur = (event: FocusEvent<HTMLDivElement>) => {
      // moving between the parts of one field (two radios, say) is not leaving it
      if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
      touch(path);
    };
    const note = notes[path];
    return (
      <div {...{ [fieldPathAttribute]: path }} onBlur={onBlur}>
        <Inner {...props} />
        {note && (
          <p id={noteId} className="tongban-field-note" data-field-note>
            {note}
          </p>
        )}
      </div>
    );
  }
  FieldFrame.displayName = `FieldFrame(${Inner.displayName ?? Inner.name ?? 'renderer'})`;
  framed.set(Inner, FieldFrame);
  return FieldFrame;
}

/** The registry with every renderer framed (the testers unchanged). */
export function framedRenderers(
  entries: readonly JsonFormsRendererRegistryEntry[],
): JsonFormsRendererRegistryEntry[] {
  return entries.map((entry) => ({ tester: entry.tester, renderer: withFieldFrame(entry.renderer) }));
}
