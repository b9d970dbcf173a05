// Bundles Jolt's sources (src/, from src/cli.ts) into one script, dist/jolt.cjs: Node loads one file ~60 ms faster
// than the ~80 files of src/, and the launcher runs it with V8's code cache (bin/sources.js; docs/ARCHITECTURE.md,
// "Start-up"). dist/bundle.json records the size and mtime of every file of src/ it was built from and the bundle's
// content hash; bin/jolt.js loads the bundle only while src/ still matches that record, and src/ itself otherwise, so
// an edited source is never shadowed by an old bundle. Run by `npm ci` (prepare) and `npm run bundle`.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceSignature } from '../bin/sources.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });
// the signature is taken first: a file edited while the bundle is built makes it stale, never wrongly fresh
const signature = sourceSignature(root);
const tmp = join(dist, `jolt.cjs.tmp-${process.pid}`);

// Node's built-ins come from process.getBuiltinModule, not `import` (bin/sources.js `builtin` says why): each
// `node:x` import of src/ becomes a module that takes the built-in and re-exports its data properties (an accessor,
// such as node:fs's ReadStream, is what loads more modules; one imported would fail the bundle, not a run)
const builtins = {
  name: 'node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, a => ({ path: a.path, namespace: 'node-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, a => {
      const m = process.getBuiltinModule(a.path);
      const names = Object.keys(m).filter(
        k => /^[A-Za-z_$][\w$]*$/.test(k) && 'value' in Object.getOwnPropertyDescriptor(m, k),
      );
      const take = `process.getBuiltinModule(${JSON.stringify(a.path)})`;
      return { contents: `const m = ${take};\nexport default m;\nexport const { ${names.join(', ')} } = m;\n` };
    });
  },
};
try {
  const { build } = await import('esbuild');
  // the content hash of the sources bundled, so that a start from the bundle need not read src/ to find the Base
  // image's key (src/image/install.ts)
  const { hashInstall, recordFiles } = await import('../src/image/install.ts');
  const sourcesHash = hashInstall({ root }).sources;
  // and of base/ and stdlib/, with their sizes and mtimes: a start that finds them unchanged need not read them
  const files = recordFiles(root);
  await build({
    plugins: [builtins],
    // `import.meta.url` becomes a parameter of the function the launcher wraps the script in
    define: { JOLT_BUNDLED_SOURCES_HASH: JSON.stringify(sourcesHash), 'import.meta.url': '__joltUrl' },
    entryPoints: [join(root, 'src', 'cli.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    // a script (no top-level await in src/), run by the launcher in a function of its own (bin/sources.js runBundle)
    format: 'cjs',
    target: 'node22',
    // binaryen stays a package of its own (its worker loads it); smol-toml is bundled, so a start does not resolve
    // and load another module from node_modules
    external: ['binaryen'],
    logLevel: 'warning',
  });
  const hash = createHash('sha256').update(readFileSync(tmp)).digest('hex');
  renameSync(tmp, join(dist, 'jolt.cjs'));
  writeFileSync(join(dist, 'bundle.json'), JSON.stringify({ signature, hash, files }));
  // (the names of earlier versions)
  rmSync(join(dist, 'jolt.mjs'), { force: true });
  rmSync(join(dist, 'sources.json'), { force: true });
} catch (e) {
  // no bundle is no error: Jolt then runs from src/ (only its start is slower)
  rmSync(join(dist, 'bundle.json'), { force: true });
  rmSync(tmp, { force: true });
  process.stderr.write(
    `jolt: could not bundle src/ (${e instanceof Error ? e.message : String(e)}); jolt runs from src/\n`,
  );
}
