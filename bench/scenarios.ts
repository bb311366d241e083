/**
 * What the bench measures. A new widget adds its rows here: a load scenario for each
 * request worth timing (or a flow, for what a resident does in several dependent steps),
 * and an embed entry naming the API calls its element makes when it appears on a page.
 * Every scenario runs once per database the bench is asked for, in the order listed.
 */
import { benchPetition, signingFlow } from './lib/petitions.js';
import { pageApiHeaders, type EmbedScenario, type LoadScenario } from './lib/scenario.js';

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
  {
    // What the petition widget fetches to show the count: an open petition with a few dozen
    // confirmed signatures, made through the API as residents and staff would (lib/petitions.ts).
    name: 'petition count read',
    request: async (server) => ({ path: `/api/petitions/${(await benchPetition(server)).id}`, headers: pageApiHeaders(server) }),
  },
  {
    // What <medverka-petitions> fetches by default: the open petitions, the bench's among them.
    name: 'petition list read',
    request: async (server) => {
      await benchPetition(server);
      return { path: '/api/petitions?status=open', headers: pageApiHeaders(server) };
    },
  },
  {
    // Last: every operation adds a confirmed signature to the petition the reads above use.
    // One operation = challenge, proof of work, signature, the mail's link opened and confirmed.
    name: 'signing (submit + confirm)',
    flow: async (server, { connections }) => signingFlow(server, await benchPetition(server), connections),
  },
  {
    // The latency a resident sees while 200 others sign at the same time, at the UK petitions
    // site's record peak (about 2 000 signatures a minute), and at three times that.
    name: 'signing at UK peak (200 residents)',
    pace: { residents: 200, perSecond: 2000 / 60 },
    flow: async (server, { connections }) => signingFlow(server, await benchPetition(server), connections),
  },
  {
    name: 'signing at 3× UK peak (200 residents)',
    pace: { residents: 200, perSecond: 100 },
    flow: async (server, { connections }) => signingFlow(server, await benchPetition(server), connections),
  },
];

export const embedScenarios: EmbedScenario[] = [
  { widget: 'tiles', api: ['/api/tile-sets/engagera-dig'] },
  // <medverka-petition petition="…"> reads its petition, then follows /live (a stream, not counted).
  { widget: 'petition', api: async (server) => [`/api/petitions/${(await benchPetition(server)).id}`] },
  { widget: 'petitions', api: ['/api/petitions?status=open'] },
];
