import { useEffect, useState } from 'react';
import { loadRegions, type Regions } from './regions.js';

export type RegionsState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly regions: Regions }
  | { readonly status: 'failed' };

/** The region lists, loaded on first use (their own chunk) and shared by every address field. */
export function useRegions(): RegionsState {
  const [state, setState] = useState<RegionsState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loadRegions().then(
      (regions) => current && setState({ status: 'ready', regions }),
      () => current && setState({ status: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
