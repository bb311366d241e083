import { request } from 'node:http';
import type { EmbedScenario } from './scenario.js';
import type { BenchServer } from './server.js';

export interface Manifest {
  files: Record<string, { bytes: number; gzipBytes: number; integrity: string }>;
  widgets: Record<string, string[]>;
}

export interface WireFile {
  /** Path on the server. */
  path: string;
  kind: 'script' | 'api';
  status: number;
  /** Body bytes as they came over the wire, i.e. still compressed. */
  bytes: number;
  /** Content-Encoding of the response; "identity" when the server sent it as is. */
  encoding: string;
  /** What the build says the file gzips to, to show when the server sent something else. */
  manifestGzipBytes?: number;
}

export interface EmbedRow {
  widget: string;
  database: string;
  files: WireFile[];
  scriptBytes: number;
  apiBytes: number;
  totalBytes: number;
  notes: string[];
}

interface RawResponse {
  status: number;
  bytes: number;
  encoding: string;
}

/**
 * Fetches with node:http rather than fetch(), which would decompress the body and leave
 * only Content-Length — absent from a chunked answer — to tell the size on the wire.
 */
function fetchRaw(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 10_000 }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        resolve({ status: res.statusCode ?? 0, bytes, encoding });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out fetching ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * What a page receives for one embed: the loader, the widget's chunks and the API calls the
 * element makes on its own, each asked for with gzip as the only encoding accepted.
 */
export async function measureEmbed(
  server: BenchServer,
  manifest: Manifest,
  widget: string,
  spec: EmbedScenario | undefined,
): Promise<EmbedRow> {
  const notes: string[] = [];
  const headers = { 'Accept-Encoding': 'gzip', Origin: server.embeddingOrigin };
  const files: WireFile[] = [];

  for (const file of manifest.widgets[widget] ?? []) {
    const path = `/widgets/${file}`;
    const got = await fetchRaw(server.origin + path, headers);
    const entry: WireFile = { path, kind: 'script', ...got };
    const gzipBytes = manifest.files[file]?.gzipBytes;
    if (gzipBytes !== undefined) entry.manifestGzipBytes = gzipBytes;
    files.push(entry);
  }
  if (!spec) notes.push('no API calls listed in bench/scenarios.ts');
  let api: string[] = [];
  try {
    api = typeof spec?.api === 'function' ? await spec.api(server) : (spec?.api ?? []);
  } catch (err) {
    notes.push(`API calls unknown: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const path of api) {
    const got = await fetchRaw(server.origin + path, { ...headers, Accept: 'application/json' });
    files.push({ path, kind: 'api', ...got });
  }

  for (const f of files) {
    if (f.status !== 200) notes.push(`${f.path}: HTTP ${f.status}`);
    else if (f.encoding === 'identity') notes.push(`${f.path} sent uncompressed`);
    else if (f.encoding !== 'gzip') notes.push(`${f.path} sent ${f.encoding}`);
  }
  const sum = (kind: WireFile['kind']) => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.bytes, 0);
  const scriptBytes = sum('script');
  const apiBytes = sum('api');
  return { widget, database: server.database, files, scriptBytes, apiBytes, totalBytes: scriptBytes + apiBytes, notes };
}
