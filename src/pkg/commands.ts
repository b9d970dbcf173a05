// The commands of the REPL's `]` mode (`add Foo Bar@0.2`, `dev ../Foo`, `rm`, `st`, `activate`, `instantiate`,
// `resolve`, `test`, `generate`), parsed into the same operations that stdlib/Pkg's functions run.
import { existsSync } from 'node:fs';
import { activeProjectFile, environmentLabel } from './environment.ts';
import { runPkgOperation } from './api.ts';
import type { PackageSpec } from './operations.ts';

const ALIASES: Record<string, string> = {
  add: 'add',
  dev: 'develop',
  develop: 'develop',
  rm: 'rm',
  remove: 'rm',
  st: 'status',
  status: 'status',
  precompile: 'precompile',
  activate: 'activate',
  instantiate: 'instantiate',
  resolve: 'resolve',
  test: 'test',
  generate: 'generate',
};

const HELP = `  Welcome to the Pkg REPL-mode. To return to the julia> prompt, press backspace
  when the input line is empty.

  Synopsis: command [arguments]

  activate    set the primary environment the package manager manipulates
  add         add packages to the project (by name, name@version, or a path)
  develop     track a package folder for development (dev)
  generate    generate files for a new project
  instantiate download all the dependencies for the project
  remove      remove packages from the project (rm)
  resolve     resolve the manifest from the project's dependencies
  status      summarize the contents of the environment (st)
  test        run the tests of packages
`;

/** the prompt of the mode: the active environment's name */
export function pkgPrompt(): string {
  return `(${environmentLabel(activeProjectFile())}) pkg> `;
}

/** a word naming a folder rather than a registered package */
const isPath = (w: string): boolean => w.includes('/') || w.startsWith('.') || (existsSync(w) && !/^\w+$/.test(w));

function specOf(word: string, op: string): PackageSpec {
  if (op === 'develop' || isPath(word)) return { path: word };
  const at = word.indexOf('@');
  return at > 0 ? { name: word.slice(0, at), version: word.slice(at + 1) } : { name: word };
}

/** runs one line of the `]` mode; returns the text of an error to show (the mode stays on) */
export function runPkgCommand(line: string): { error?: string; help?: string } {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return {};
  const [cmd, ...args] = words as [string, ...string[]];
  if (cmd === '?' || cmd === 'help') return { help: HELP };
  const op = ALIASES[cmd];
  if (!op) return { error: `\`${cmd}\` is not a recognized command. Type ? for help with available commands` };
  if (op === 'activate' || op === 'generate') {
    if (op === 'generate' && args.length !== 1) return { error: 'generate takes one argument: the package name' };
    const e = runPkgOperation(op, [], args[0]);
    return e === undefined ? {} : { error: e };
  }
  if (['add', 'develop', 'rm'].includes(op) && !args.length)
    return { error: `${cmd} needs at least one package name${op === 'develop' ? ' or path' : ''}` };
  const e = runPkgOperation(
    op,
    args.map(w => specOf(w, op)),
  );
  return e === undefined ? {} : { error: e };
}
