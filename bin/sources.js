// The signature of Jolt's own sources: each file of src/ with its size and mtime, sorted. It only says whether
// dist/jolt.mjs was built from the sources as they are (scripts/bundle.js); what a session image is keyed by is the
// sources' content (src/image/install.ts).

/** A Node built-in module. Taken with process.getBuiltinModule where Node has it, not with `import`: an ESM import
 *  of a built-in makes its ESM facade, which reads every export (node:fs's stream classes then load all of
 *  node:stream, milliseconds of every start). */
export const builtin = async name => process.getBuiltinModule?.(name) ?? (await import(name));
const { readdirSync, readFileSync, statSync } = await builtin('node:fs');
const { dirname, join } = await builtin('node:path');
const here = import.meta.dirname ?? dirname((await builtin('node:url')).fileURLToPath(import.meta.url)); // Node < 20.11

/** [path relative to src/, size, mtime in ms][] of every file under root/src */
export function sourceSignature(root) {
  const out = [];
  // paths by concatenation: path.join normalizes the whole path each time, ~5 ms over src/'s files at every start
  const src = `${root}/src/`;
  const walk = rel => {
    for (const e of readdirSync(src + rel, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else {
        const st = statSync(src + r);
        out.push([r, st.size, st.mtimeMs]);
      }
    }
  };
  walk('');
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Jolt's code, as a path relative to bin/: the bundle while it was built from src/ as it is, else src/ itself */
export function joltEntry() {
  const root = join(here, '..');
  try {
    const built = readFileSync(join(root, 'dist', 'sources.json'), 'utf8');
    if (built === JSON.stringify(sourceSignature(root))) return '../dist/jolt.mjs';
  } catch {
    // no bundle
  }
  return '../src/cli.ts';
}
