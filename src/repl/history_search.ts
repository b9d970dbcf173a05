// Ctrl-R in the REPL: reverse incremental search of the history, as Julia's REPL (and readline's) does. Typing
// narrows the search to entries containing the query, Ctrl-R again goes to the next older one, backspace widens
// it; any other key takes the match into the line (Enter then runs it), Ctrl-G or Escape gives up.

export class HistorySearch {
  query = '';
  /** the index in `history` (newest first) of the entry shown, -1 for none */
  private at = -1;
  private readonly history: readonly string[];
  /** the line being edited when the search began (what Ctrl-G gives back) */
  readonly saved: string;
  constructor(history: readonly string[], saved: string) {
    this.history = history;
    this.saved = saved;
  }

  private find(from: number): number {
    for (let k = Math.max(from, 0); k < this.history.length; k++) if (this.history[k]!.includes(this.query)) return k;
    return -1;
  }
  /** a character typed: the newest entry from the current one on that holds the longer query */
  type(ch: string): void {
    this.query += ch;
    this.at = this.find(this.at);
  }
  backspace(): void {
    this.query = this.query.slice(0, -1);
    this.at = this.find(0);
  }
  /** Ctrl-R again: the next older entry holding the query (the current one stays when there is none) */
  next(): void {
    const k = this.find(this.at + 1);
    if (k >= 0) this.at = k;
  }
  get match(): string | undefined {
    return this.at >= 0 ? this.history[this.at] : undefined;
  }
  /** the search's prompt line */
  render(): string {
    const failed = this.query !== '' && this.match === undefined;
    return `(${failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': ${this.match ?? ''}`;
  }
}
