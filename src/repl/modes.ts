// The REPL's modes: each has a prompt, the key that enters it at the start of an empty line (backspace on an empty
// line returns to the Julia mode), and what it does with a line. A new mode is one entry of `modes`.
import type { Session } from '../engine.ts';

export interface ReplMode {
  name: string;
  /** the prompt text, and its colour on a terminal (an SGR code) */
  prompt: string;
  color: string;
  /** the key that enters the mode from the Julia prompt; also a line starting with it runs in the mode */
  trigger?: string;
  /** stays on after an entry (pkg mode); help and shell mode return to the Julia prompt */
  sticky?: boolean;
  /** whether the input so far is a whole entry (the Julia mode reads on while a construct is open) */
  complete?(text: string): boolean;
  run(s: Session, text: string): void;
}

export const modes: ReplMode[] = [];

export function registerMode(m: ReplMode): void {
  modes.push(m);
}

export const modeByTrigger = (key: string): ReplMode | undefined => modes.find(m => m.trigger === key);
