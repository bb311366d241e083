/**
 * What the bench measures. A new widget adds its rows here: a load scenario for each
 * request worth timing, and an embed entry naming the API calls its element makes when it
 * appears on a page. Every scenario runs once per database the bench is asked for.
 */
import type { BenchServer } from './lib/server.js';

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query on the server, e.g. /api/tile-sets/engagera-dig. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * autocannon replaces each `[<id>]` in the body with a fresh id, for requests that must
   * differ (one signature per resident).
   */
  idReplacement?: boolean;
  /** The status one probe request must get before load is put on; 200 by default. */
  expectStatus?: number;
}

export interface LoadScenario {
  /** The row's name in the table and in the JSON; stable, so runs can be compared. */
  name: string;
  /**
   * The row the others are divided by: the same server, same middleware, no logic of ours.
   * Exactly one scenario is the baseline.
   */
  baseline?: boolean;
  /**
   * The request to repeat. A function runs after the server is up, so a scenario can first
   * create what it needs (a petition to sign) through the API.
   */
  request: LoadRequest | ((server: BenchServer) => Promise<LoadRequest>);
}

export interface EmbedScenario {
  /** The widget's key in dist/widgets/manifest.json. */
  widget: string;
  /** The API calls its element makes as soon as it is on a page, before anyone interacts. */
  api: string[];
}

/** What a widget's fetch() sends from a municipality page that embeds it. */
export const pageApiHeaders = (server: BenchServer): Record<string, string> => ({
  Accept: 'application/json',
  'Accept-Encoding': 'gzip, deflate, br',
  Origin: server.embeddingOrigin,
});

export const loadScenarios: LoadScenario[] = [
  {
    name: 'bare Hono JSON',
    baseline: true,
    request: async (server) => ({ path: '/api/bench/bare', headers: pageApiHeaders(server) }),
  },
  {
    name: 'tile-set read',
    request: async (server) => ({ path: '/api/tile-sets/engagera-dig', headers: pageApiHeaders(server) }),
  },
];

export const embedScenarios: EmbedScenario[] = [{ widget: 'tiles', api: ['/api/tile-sets/engagera-dig'] }];
