import { createContext, useContext } from 'react';

/** What the read-only rendering knows about sensitive values, for each field. */
export interface ReadonlySettings {
  /** Concrete JSON pointers of the sensitive values in the data (engine: sensitivePointers). */
  sensitive: ReadonlySet<string>;
  /** Pointers whose real value the viewer has asked for and the data now holds. */
  revealed: ReadonlySet<string>;
  /** Asks for one value unmasked: the app calls the runtime's audited GET /api/cases/:id?reveal=... */
  onReveal?: (pointer: string) => void | Promise<void>;
}

export const ReadonlyContext = createContext<ReadonlySettings>({
  sensitive: new Set(),
  revealed: new Set(),
});

export const useReadonlySettings = (): ReadonlySettings => useContext(ReadonlyContext);
