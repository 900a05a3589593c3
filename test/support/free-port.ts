import { AddressInfo, createServer } from 'node:net';

/** A TCP port free on the loopback right now (the OS picks it), for servers a test starts. */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}
