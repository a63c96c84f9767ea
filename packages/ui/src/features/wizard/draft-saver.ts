/** A draft as the runtime keeps it (runtime/src/drafts): the answers so far and the step reached. */
export interface DraftContent {
  data: Record<string, unknown>;
  step: number;
}

/** Where drafts go: POST /api/drafts the first time (it gives the token), PUT /api/drafts/:token after. */
export interface DraftStore {
  create(content: DraftContent): Promise<string>;
  update(token: string, content: DraftContent): Promise<void>;
}

/**
 * Saves a draft as the person goes, one request at a time: what comes in while a save is under way
 * waits, and only the newest of what waited is sent (typing fast sends the last text, not every
 * letter). The first save creates the draft; its token is kept for the ones after.
 */
export class DraftSaver {
  private pending: DraftContent | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: DraftStore,
    private token: string | undefined,
    private readonly onSaved: (token: string) => void = () => undefined,
    private readonly onFailed: (error: unknown) => void = () => undefined,
  ) {}

  get currentToken(): string | undefined {
    return this.token;
  }

  /** Saves `content` after whatever save is under way; resolves when it (or a newer one) is saved. */
  save(content: DraftContent): Promise<void> {
    this.pending = content;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const content = this.pending;
      this.pending = undefined;
      try {
        if (this.token === undefined) this.token = await this.store.create(content);
        else await this.store.update(this.token, content);
        this.onSaved(this.token);
      } catch (error) {
        // kept for the next save: a lost network must not lose what was typed
        this.pending ??= content;
        this.onFailed(error);
        return;
      }
    }
  }
}
