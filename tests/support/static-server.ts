import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A built site served on localhost, as a static host would serve it. */
export interface StaticSite {
  /** Origin plus base path, ending in `/`: `http://127.0.0.1:PORT/legal/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` on a free localhost port under `basePath` (requests outside it get 404, as on a real host
 * where the site lives in a sub-folder). Unknown paths get the site's 404 page.
 */
export async function serveStatic(dir: string, basePath = '/'): Promise<StaticSite> {
  const serve = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(basePath)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('outside the base path');
      return;
    }
    request.url = `/${url.slice(basePath.length)}`;
    serve(request, response, () => {
      request.url = '/404.html';
      response.statusCode = 404;
      serve(request, response, () => {
        response.writeHead(404).end('not found');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${basePath}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
