// Help mode (`?`): the docstring of a name, its methods when it has none, or the names close to a misspelled one;
// the work is Base's `_repl_help`.
import { registerMode } from './modes.ts';
import { callJulia } from './eval.ts';
import { utf8Encode } from '../runtime/utf8.ts';

registerMode({
  name: 'help',
  prompt: 'help?> ',
  color: '\x1b[33m\x1b[1m',
  trigger: '?',
  run(s, text) {
    callJulia(s, () => [s.Base, '_repl_help', [s.Main, utf8Encode(text.trim())]]);
  },
});
