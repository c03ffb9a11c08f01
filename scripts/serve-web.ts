/**
 * Serves the built web app (dist/) on localhost with the headers it is designed for (see webServer.ts).
 *
 *   tsx scripts/serve-web.ts [--port 4173] [--dir dist] [--host]
 *
 * `--host` listens on every network interface, to open the app from a phone on the same network
 * (the README says how to get the camera working there: it needs HTTPS or localhost).
 */
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { createWebServer, listen } from './webServer.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    dir: { type: 'string', default: 'dist' },
    host: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`serve-web: --port needs a port number (0-65535), not ${values.port}`);
  process.exit(2);
}

try {
  const server = await createWebServer(values.dir!);
  await listen(server, port, values.host ? '0.0.0.0' : '127.0.0.1');
  const { port: listening } = server.address() as AddressInfo;
  console.log(`id-precheck web app: http://localhost:${listening}/`);
  if (values.host) {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address?.family === 'IPv4' && !address.internal);
    for (const address of addresses)
      console.log(`  on your network: http://${address?.address}:${listening}/`);
  }
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(
    `serve-web: ${code === 'ENOENT' ? `there is no build in ${values.dir}: run npm run build first` : message}`,
  );
  process.exitCode = 1;
}
