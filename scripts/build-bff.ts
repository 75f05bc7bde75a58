import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { fromRoot } from './lib/paths'

/*
 * `npm run build:bff [-- --outdir <dir>]`: the BFF as plain JavaScript for `node`, no tsx.
 * One bundle of bff/src and @gh/shared (TypeScript both); the BFF's dependencies stay in
 * node_modules, except what is ES modules only, which is bundled so `require` never meets it.
 */

/** Published as ES modules only: bundled, with their own dependencies. */
const BUNDLED = new Set(['@gh/shared', 'file-type'])

interface PackageJson {
  dependencies?: Record<string, string>
}

export async function buildBff(outdir: string): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync(fromRoot('bff/package.json'), 'utf8')) as PackageJson
  const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.has(name))
  fs.rmSync(outdir, { recursive: true, force: true })
  await build({
    entryPoints: [fromRoot('bff/src/main.ts')],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // TypeORM's decorators: the legacy kind, as bff/tsconfig.json has them.
    tsconfig: fromRoot('bff/tsconfig.json'),
    external,
    sourcemap: true,
    // Class names stay: TypeORM names migrations and entities after them.
    keepNames: true,
    logLevel: 'warning',
  })
  return path.join(outdir, 'main.js')
}

if (require.main === module) {
  const at = process.argv.indexOf('--outdir')
  const outdir = path.resolve(at > 0 ? (process.argv[at + 1] ?? '') : fromRoot('dist/bff'))
  buildBff(outdir)
    .then((file) => console.log(`built ${path.relative(process.cwd(), file)}`))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err)
      process.exit(1)
    })
}
