import { BusinessCalendar } from '../calendar/calendar.js';
import type { Definition, DefinitionKind, DefinitionOfKind } from './types.js';

/**
 * The definitions a definition may refer to, by kind and key (one version per key: the one in force).
 * Cross-references are checked against it, and the interpreter reads departments and calendars from it.
 */
export class Catalog {
  private readonly byKind = new Map<DefinitionKind, Map<string, Definition>>();
  private readonly calendars = new Map<string, BusinessCalendar>();

  constructor(definitions: Iterable<Definition> = []) {
    for (const definition of definitions) this.add(definition);
  }

  /** Adds a definition; a later version of the same key replaces an earlier one. */
  add(definition: Definition): this {
    let kind = this.byKind.get(definition.kind);
    if (!kind) {
      kind = new Map();
      this.byKind.set(definition.kind, kind);
    }
    const existing = kind.get(definition.key);
    if (!existing || existing.version <= definition.version) {
      kind.set(definition.key, definition);
      if (definition.kind === 'calendar') this.calendars.delete(definition.key);
    }
    return this;
  }

  get<K extends DefinitionKind>(kind: K, key: string): DefinitionOfKind<K> | undefined {
    return this.byKind.get(kind)?.get(key) as DefinitionOfKind<K> | undefined;
  }

  has(kind: DefinitionKind, key: string): boolean {
    return this.byKind.get(kind)?.has(key) ?? false;
  }

  all<K extends DefinitionKind>(kind: K): DefinitionOfKind<K>[] {
    return [...(this.byKind.get(kind)?.values() ?? [])] as DefinitionOfKind<K>[];
  }

  /** The business calendar built from a calendar definition, built once and kept. */
  calendar(key: string): BusinessCalendar | undefined {
    let calendar = this.calendars.get(key);
    if (!calendar) {
      const definition = this.get('calendar', key);
      if (!definition) return undefined;
      calendar = new BusinessCalendar(definition);
      this.calendars.set(key, calendar);
    }
    return calendar;
  }

  /** The calendar used when neither the SLA, the workflow nor the department names one. */
  defaultCalendarKey(): string | undefined {
    return this.byKind.get('calendar')?.keys().next().value;
  }
}
