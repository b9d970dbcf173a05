// Shell mode (`;`): runs a command as Julia does, without a shell: words split as in backticks, `cd` changes
// Jolt's own directory.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { registerMode } from './modes.ts';
import { flushAll } from '../engine.ts';

/** the words of a command line: spaces separate, quotes group, a backslash escapes */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j < 0 ? line.length : j);
      i = j < 0 ? line.length : j;
      any = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++)
        cur += line[j] === '\\' && j + 1 < line.length ? line[++j] : line[j];
      i = j;
      any = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      any = true;
    } else if (/\s/.test(c)) {
      if (any) words.push(cur);
      cur = '';
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) words.push(cur);
  return words;
}

registerMode({
  name: 'shell',
  prompt: 'shell> ',
  color: '\x1b[31m\x1b[1m',
  trigger: ';',
  run(_s, text) {
    const words = shellWords(text);
    if (words.length === 0) return;
    flushAll();
    if (words[0] === 'cd') {
      const dir = words[1] ?? homedir();
      try {
        process.chdir(dir);
        process.stdout.write(process.cwd() + '\n');
      } catch {
        process.stderr.write(`ERROR: IOError: cd(${JSON.stringify(dir)}): no such file or directory (ENOENT)\n`);
      }
      return;
    }
    const r = spawnSync(words[0]!, words.slice(1), { stdio: 'inherit' });
    if (r.error) {
      const code = (r.error as NodeJS.ErrnoException).code ?? 'ENOENT';
      process.stderr.write(
        `ERROR: IOError: could not spawn \`${words.join(' ')}\`: no such file or directory (${code})\n`,
      );
    } else if (r.status !== 0 && r.status !== null) {
      process.stderr.write(
        `ERROR: failed process: Process(\`${words.join(' ')}\`, ProcessExited(${r.status})) [${r.status}]\n`,
      );
    }
  },
});
