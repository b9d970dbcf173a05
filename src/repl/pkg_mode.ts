// Pkg mode (`]`): the Pkg commands (src/pkg/commands.ts) at a `(@v0.1) pkg>` prompt naming the active
// environment; it stays on after each command, until backspace on an empty line.
import { registerMode } from './modes.ts';
import { flushAll } from '../engine.ts';
import { pkgPrompt, runPkgCommand } from '../pkg/commands.ts';

registerMode({
  name: 'pkg',
  // read at each prompt: `activate` changes it
  get prompt() {
    return pkgPrompt();
  },
  color: '\x1b[34m\x1b[1m',
  trigger: ']',
  sticky: true,
  run(_s, text) {
    const r = runPkgCommand(text);
    flushAll();
    if (r.help) process.stdout.write(r.help);
    if (r.error) process.stderr.write(`ERROR: ${r.error}\n`);
  },
});
