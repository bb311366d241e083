import { strToU8, zipSync } from 'fflate';
import type { Config } from '../config.js';
import { csvFile } from '../csv.js';
import type { Db } from '../db/index.js';
import { resultsCsv } from '../budgets/export.js';
import { findPublicBudget, findStaffBudget } from '../budgets/store.js';
import { surveyResults } from '../panel/results.js';
import { findSurvey, submittedResponses, surveyPages } from '../panel/store.js';
import { findPublicPetition, signaturesPerDay } from '../petitions/public.js';
import { findPublicPoll } from '../polls/store.js';
import type { Channel, StaffDialogue } from './schemas.js';

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * One channel's data as the public sees it: no residents' addresses or single answers — the
 * petition without its signers (signatures per day), the budget's and survey's results with
 * small groups hidden as in their published results, the poll's counts. A proposal's author
 * is named, as on its public page (a submitted proposal is a public document). Offline channels are
 * in the dialogue's own files.
 */
async function channelFiles(db: Db, config: Pick<Config, 'panel'>, c: Channel): Promise<Record<string, Uint8Array>> {
  const ref = c.ref ?? '';
  switch (c.kind) {
    case 'petition': {
      const petition = await findPublicPetition(db, Number(ref));
      const perDay = await signaturesPerDay(db, Number(ref));
      if (!petition) return {};
      // The names signers chose to show stay on the petition's page, out of a file to pass around.
      const { publicSigners: _signers, ...shown } = petition;
      return {
        [`e-forslag-${ref}.json`]: json(shown),
        [`e-forslag-${ref}-underskrifter-per-dag.csv`]: strToU8(csvFile([['dag', 'underskrifter'], ...(perDay?.days ?? []).map((d) => [d.date, d.count])])),
      };
    }
    case 'budget': {
      const budget = await findStaffBudget(db, ref);
      const shown = await findPublicBudget(db, ref, { includeDraft: true });
      if (!budget || !shown) return {};
      return { [`budget-${ref}.json`]: json(shown), [`budget-${ref}-resultat.csv`]: strToU8(await resultsCsv(db, budget)) };
    }
    case 'poll': {
      const poll = await findPublicPoll(db, Number(ref));
      if (!poll) return {};
      const label = (id: number) => poll.options.find((o) => o.id === id)?.label.sv ?? String(id);
      return {
        [`snabbfraga-${ref}.json`]: json(poll),
        [`snabbfraga-${ref}.csv`]: strToU8(csvFile([['svar', 'antal'], ...Object.entries(poll.results.counts).map(([id, n]) => [label(Number(id)), n])])),
      };
    }
    case 'survey': {
      const row = await findSurvey(db, Number(ref));
      if (!row) return {};
      const known = { ageBand: config.panel.ageBands, district: config.panel.districts };
      const results = surveyResults(surveyPages(row), await submittedResponses(db, row.id), undefined, known, config.panel.minGroup);
      return { [`enkat-${ref}-resultat.json`]: json({ title: { sv: row.title_sv, en: row.title_en }, results }) };
    }
    case 'offline':
      return {};
  }
}

/** The dialogue and every linked channel's public data, in one zip: JSON for machines, CSV for spreadsheets. */
export async function dialogueExport(db: Db, config: Pick<Config, 'panel'>, dialogue: StaffDialogue): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {
    'dialog.json': json(dialogue),
    'kanaler.csv': strToU8(
      csvFile([
        ['kanal', 'nummer', 'namn', 'datum', 'plats', 'deltagare', 'vad som kom in'],
        ...dialogue.channels.map((c) => [c.kind === 'offline' ? (c.format ?? 'offline') : c.kind, c.ref, c.title, c.heldOn, c.place, c.participants, c.summary.sv]),
      ]),
    ),
  };
  for (const c of dialogue.channels) Object.assign(files, await channelFiles(db, config, c));
  return zipSync(files, { level: 6, mtime: new Date(dialogue.updatedAt) });
}
