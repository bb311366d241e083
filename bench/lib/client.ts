import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export interface ClientResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body, decompressed. */
  text: string;
}

export interface ClientRequest {
  method?: string;
  /** Path and query on the server. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Milliseconds the whole exchange may take; 10 s, like autocannon's default. */
  timeoutMs?: number;
}

/** A request that did not get an answer at all (refused, reset, timed out). */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

const decode = (body: Buffer, encoding: string | undefined): string => {
  switch (encoding) {
    case 'gzip':
      return gunzipSync(body).toString('utf8');
    case 'br':
      return brotliDecompressSync(body).toString('utf8');
    case 'deflate':
      return inflateSync(body).toString('utf8');
    default:
      return body.toString('utf8');
  }
};

/**
 * A small HTTP client over node:http with keep-alive, for load that autocannon cannot put
 * on: chained requests whose next step depends on the last answer. It keeps at most
 * `maxSockets` connections open, so N virtual residents with one request each in flight use
 * N connections, as N autocannon connections would.
 */
export class BenchClient {
  private readonly agent: Agent;

  constructor(
    readonly origin: string,
    maxSockets: number,
  ) {
    // A connection left idle is closed here after 4 s, before the server closes it at 5 s
    // (its keepAliveTimeout): otherwise a request sent on it just as the server closes it is
    // reset, as paced rows, whose residents pause for seconds, saw. Browsers send such a
    // request again; the bench would count it as failed.
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000 });
  }

  send(req: ClientRequest): Promise<ClientResponse> {
    const { method = 'GET', path, headers = {}, body, timeoutMs = 10_000 } = req;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.origin + path,
        {
          method,
          agent: this.agent,
          headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (err) => reject(new ClientError(err.message, 'response_error')));
          res.on('end', () => {
            clearTimeout(timer);
            try {
              const encoding = res.headers['content-encoding'];
              resolve({ status: res.statusCode ?? 0, headers: res.headers, text: decode(Buffer.concat(chunks), encoding) });
            } catch (err) {
              reject(new ClientError(`undecodable body: ${err instanceof Error ? err.message : String(err)}`, 'bad_body'));
            }
          });
        },
      );
      const timer = setTimeout(() => outgoing.destroy(new ClientError(`no answer within ${timeoutMs} ms`, 'timeout')), timeoutMs);
      outgoing.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(err instanceof ClientError ? err : new ClientError(err.message, err.code ?? 'request_error'));
      });
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
