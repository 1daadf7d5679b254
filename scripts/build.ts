// Builds dist/, what the published package runs: `tsc -p tsconfig.build.json` writes JavaScript,
// declarations and source maps of src/ and connectors/ (and the JSON schemas they import), then the
// files tsc does not emit are copied beside their modules: the compiler's ajv standalone validators
// (JavaScript with hand-off declarations) and the Connect UI's stylesheet.
//   npm run build   (also run by `prepare`, so `npm ci` leaves a runnable checkout)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const validators = readdirSync(join(root, 'connectors'))
    .filter((folder) => existsSync(join(root, 'connectors', folder, 'validators.generated.js')))
    .flatMap((folder) => [`connectors/${folder}/validators.generated.js`, `connectors/${folder}/validators.generated.d.ts`]);
const copied = [...validators, 'src/connect-ui/page/page.css'];

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
    console.error(`tsc failed (exit ${String(result.status)}); its errors are above. dist/ is incomplete.`);
    process.exit(1);
}
for (const file of copied) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    copyFileSync(join(root, file), join(dist, file));
}
