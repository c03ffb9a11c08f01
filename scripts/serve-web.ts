/**
 * Serves the built web app (dist/) on localhost with the headers it is designed for (see webServer.ts).
 *
 *   tsx scripts/serve-web.ts [--port 4173] [--dir dist]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWebServer, listen } from './webServer.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4173' }, dir: { type: 'string', default: 'dist' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`serve-web: --port needs a port number (0-65535), not ${values.port}`);
  process.exit(2);
}

try {
  const server = await createWebServer(values.dir!);
  await listen(server, port);
  console.log(`id-precheck web app: http://localhost:${(server.address() as AddressInfo).port}/`);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    `serve-web: ${code === 'ENOENT' ? `there is no build in ${values.dir}: run npm run build first` : message}`,
  );
  process.exitCode = 1;
}
