/**
 * Compiles the server (the service's entry point and the operators CLI) from TypeScript into plain
 * ES modules in dist/server, which `npm start` runs with plain `node` (no tsx, no dev dependencies).
 *
 * Why a bundle (esbuild) rather than tsc's emit: the sources import each other without file
 * extensions (moduleResolution "Bundler"), which Node's ESM loader does not resolve. npm packages
 * stay external (they are installed by `npm ci --omit=dev`); only our own modules are bundled.
 *
 * `import.meta.dirname` keeps meaning "the folder of this source file": a few modules find files
 * beside their sources (config/municipalities, bots/simulator/public, dist/panel). In the bundle it
 * is rewritten to that source folder under the project root (two levels above dist/server), so the
 * compiled service must run from a copy of the project that includes those folders (the Docker image
 * and the VM install copy them; see docs/operations.md).
 *
 * Type checking is not done here (`npm run typecheck` does it; esbuild only strips types).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'dist/server');

/** Rewrites `import.meta.dirname` in our sources to their source folder, resolved at run time. */
const sourceDirname = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      let contents = await readFile(args.path, 'utf8');
      if (contents.includes('import.meta.dirname')) {
        const rel = path.relative(ROOT, path.dirname(args.path)).split(path.sep).join('/');
        contents = contents.replaceAll('import.meta.dirname', `__vicinatoSourceDir(${JSON.stringify(rel)})`);
      }
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

await rm(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/main.ts', operators: 'script/operators.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true, // the two entry points share most modules
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  packages: 'external',
  sourcemap: true, // run with --enable-source-maps for stack traces in the TypeScript sources
  sourcesContent: false,
  logLevel: 'warning',
  banner: {
    js: [
      "import { dirname as __vicinatoDirname, resolve as __vicinatoResolve } from 'node:path';",
      "import { fileURLToPath as __vicinatoFileURLToPath } from 'node:url';",
      // Every output file (entry or chunk) gets this banner: find dist/server from its own location.
      'const __vicinatoOutDir = __vicinatoDirname(__vicinatoFileURLToPath(import.meta.url));',
      "const __vicinatoRoot = __vicinatoResolve(__vicinatoOutDir, __vicinatoOutDir.endsWith('chunks') ? '../../..' : '../..');",
      'const __vicinatoSourceDir = (rel) => __vicinatoResolve(__vicinatoRoot, rel);',
    ].join('\n'),
  },
  plugins: [sourceDirname],
  metafile: true,
});
// What the bundle imports at run time (npm packages, Node built-ins): tests check it against package.json.
const external = new Set(
  Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
);
await writeFile(path.join(OUT, 'external-imports.json'), `${JSON.stringify([...external].sort(), null, 2)}\n`);
console.error(`[build-server] compiled into ${path.relative(ROOT, OUT)}`);
