// `npm run build:storefront`: `react-router build web/storefront`, minus one line.
//
// React Router 7 loads react-router.config.ts through Vite servers of its own, created with
// `envFile: false` and a logger of its own (node_modules/@react-router/dev/dist/vite.js); Vite 8
// warns "The `envFile` option is deprecated, please use `envDir: false` instead." once per such
// server. Nothing in this repository sets the option and React Router has no setting for it (fixed
// in v8), so that exact line is dropped here; everything else the build prints passes through.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@react-router/dev/package.json')), 'bin.js');
// eslint-disable-next-line no-control-regex -- terminal colour codes (ESC) around the line
const NOISE = /^(\x1b\[[0-9;]*m)*The `envFile` option is deprecated, please use `envDir: false` instead\.(\x1b\[[0-9;]*m)*$/;

const child = spawn(process.execPath, [cli, 'build', 'web/storefront', ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'] });
for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
  createInterface({ input: from, crlfDelay: Infinity }).on('line', (line) => {
    if (!NOISE.test(line)) to.write(`${line}\n`);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
