/** The shape of a bench scenario (bench/scenarios.ts lists them): a request or a flow to load, a widget to embed. */
import type { BenchServer } from './server.js';

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

/** A request repeated by autocannon over `connections` connections. */
export interface RequestScenario {
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

/** Milliseconds each step of one operation took, by step name. */
export type StepTimes = Record<string, number>;

/**
 * An operation of several requests, each depending on the answer before it (a fresh proof
 * of work, a token from a mail), which autocannon cannot repeat. bench/lib/flow.ts runs it
 * from `connections` virtual residents at once, each starting a new operation as soon as
 * its last one ended, for the same warm-up and duration as the other rows.
 */
export interface Flow {
  /** For the JSON, in place of one request's method and path: the requests, in order. */
  method: string;
  path: string;
  /** HTTP requests one operation makes; operations/s × this is the requests/s. */
  requestsPerOperation: number;
  /** The parts reported on their own rows: each the sum of the steps it names. */
  parts: Record<string, string[]>;
  /**
   * One operation by a new virtual resident: resolves with each step's time, or throws
   * (a StepError from bench/lib/flow.ts names the step and the HTTP status).
   */
  operation(): Promise<StepTimes>;
  /** Frees what the flow holds (its connections) once the row is measured. */
  close(): void;
}

export interface FlowScenario {
  /** The row's name in the table and in the JSON; stable, so runs can be compared. */
  name: string;
  baseline?: undefined;
  /**
   * Offered load instead of "as fast as it goes": this many residents at once, starting
   * operations at this rate in all, whatever --connections says.
   */
  pace?: { residents: number; perSecond: number };
  /** Runs after the server is up; may first create what the operation needs. */
  flow: (server: BenchServer, settings: { connections: number }) => Promise<Flow>;
}

export type LoadScenario = RequestScenario | FlowScenario;

export const isFlow = (scenario: LoadScenario): scenario is FlowScenario => 'flow' in scenario;

export interface EmbedScenario {
  /** The widget's key in dist/widgets/manifest.json. */
  widget: string;
  /**
   * The API calls its element makes as soon as it is on a page, before anyone interacts;
   * a function when they name something made through the API first (a petition's number).
   */
  api: string[] | ((server: BenchServer) => Promise<string[]>);
}

/** What a widget's fetch() sends from a municipality page that embeds it. */
export const pageApiHeaders = (server: BenchServer): Record<string, string> => ({
  Accept: 'application/json',
  'Accept-Encoding': 'gzip, deflate, br',
  Origin: server.embeddingOrigin,
});
