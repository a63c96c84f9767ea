import { TongbanApiError, unwrap, type TongbanClient } from '@tongban/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { tongbanApi } from '../shell/api.js';
import { DraftSaver, type DraftContent, type DraftStore } from './draft-saver.js';

export interface WizardDraftOptions {
  kind: 'matter' | 'bundle';
  key: string;
  /** A draft to resume (its token from the link or code the person kept); a new one otherwise. */
  token?: string;
  /** Told the token once the first save made one, so the app can offer the link to resume. */
  onToken?: (token: string) => void;
  /** How long typing must pause before the answers are saved (ms); a new step is saved at once. */
  delayMs?: number;
  /** How long after a failed save it is tried again (ms). */
  retryMs?: number;
  client?: TongbanClient;
}

export type DraftLoad = 'loading' | 'ready' | 'not-found' | 'failed';
export type DraftSave = 'idle' | 'saving' | 'saved' | 'failed';

export interface WizardDraft {
  load: DraftLoad;
  data: Record<string, unknown>;
  /** The step reached: give it to the wizard (`WizardSettingsProvider step`). */
  step: number;
  token: string | undefined;
  save: DraftSave;
  /** The form's onChange: keeps the answers and saves them once typing pauses. */
  change(data: unknown): void;
  /** The wizard's onStepChange: keeps the step and saves it with the answers at once. */
  changeStep(step: number): void;
}

const asData = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function apiStore(client: TongbanClient, kind: 'matter' | 'bundle', key: string): DraftStore {
  // the API types a form's data as an open object; ours is the person's answers
  type Body = { data: Record<string, never>; step: number };
  const body = (content: DraftContent): Body => ({
    data: content.data as Record<string, never>,
    step: content.step,
  });
  return {
    async create(content) {
      const saved: unknown = await unwrap(
        client.POST('/api/drafts', { body: { kind, key, ...body(content) } }),
      );
      const token = (saved as { token?: unknown } | null)?.token;
      if (typeof token !== 'string') throw new Error('the runtime answered a new draft without its token');
      return token;
    },
    async update(token, content) {
      await unwrap(client.PUT('/api/drafts/{token}', { params: { path: { token } }, body: body(content) }));
    },
  };
}

/**
 * An application kept as a draft on the server while the person fills it in (UI.md: never lose
 * input): the answers saved as typing pauses, the step reached saved as it changes, and a draft
 * resumed by its token opening at that step, on this device or another.
 */
export function useWizardDraft({
  kind,
  key,
  token,
  onToken,
  delayMs = 800,
  retryMs = 5000,
  client,
}: WizardDraftOptions): WizardDraft {
  const api = useMemo(() => client ?? tongbanApi(), [client]);
  const [load, setLoad] = useState<DraftLoad>(token ? 'loading' : 'ready');
  const [content, setContent] = useState<DraftContent>({ data: {}, step: 0 });
  const [save, setSave] = useState<DraftSave>('idle');
  const [savedToken, setSavedToken] = useState<string | undefined>(token);
  const latest = useRef(content);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onTokenRef = useRef(onToken);
  onTokenRef.current = onToken;
  // the token of the draft this page created: handed back as `token`, it is no draft to load again
  const created = useRef<string | undefined>(undefined);
  const flushRef = useRef<() => void>(() => undefined);

  const saver = useMemo(
    () =>
      new DraftSaver(
        apiStore(api, kind, key),
        token,
        (saved) => {
          if (token === undefined) created.current ??= saved;
          setSave('saved');
          setSavedToken((before) => {
            if (before !== saved) onTokenRef.current?.(saved);
            return saved;
          });
        },
        () => {
          setSave('failed');
          // a lost network or a busy server: try again a little later, even if the person stops typing
          clearTimeout(timer.current);
          timer.current = setTimeout(() => flushRef.current(), retryMs);
        },
      ),
    [api, kind, key, token, retryMs],
  );

  useEffect(() => {
    if (!token || token === created.current) return;
    let current = true;
    setLoad('loading');
    unwrap(api.GET('/api/drafts/{token}', { params: { path: { token } } })).then(
      (draft: unknown) => {
        if (!current) return;
        const found = draft as { data?: unknown; step?: unknown } | null;
        const restored = {
          data: asData(found?.data),
          step: typeof found?.step === 'number' ? found.step : 0,
        };
        latest.current = restored;
        setContent(restored);
        setLoad('ready');
      },
      (error: unknown) => {
        if (current)
          setLoad(error instanceof TongbanApiError && error.status === 404 ? 'not-found' : 'failed');
      },
    );
    return () => {
      current = false;
    };
  }, [api, token]);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setSave('saving');
    void saver.save(latest.current);
  }, [saver]);

  flushRef.current = flush;

  // what waited for a pause is saved when the page goes (the person closes it mid-sentence)
  useEffect(
    () => () => {
      if (timer.current !== undefined) flush();
    },
    [flush],
  );

  const change = useCallback(
    (data: unknown) => {
      const next = { ...latest.current, data: asData(data) };
      if (JSON.stringify(next.data) === JSON.stringify(latest.current.data)) return;
      latest.current = next;
      setContent(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  const changeStep = useCallback(
    (step: number) => {
      latest.current = { ...latest.current, step };
      setContent(latest.current);
      flush();
    },
    [flush],
  );

  return { load, data: content.data, step: content.step, token: savedToken, save, change, changeStep };
}
