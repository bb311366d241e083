/**
 * The poll form's model: the question as staff are typing it, options with keys of their own
 * (so errors and focus follow an option when it moves), and the conversions to and from the
 * API's shapes. Fields are named by paths — 'question.sv', 'o3.en' (the option with key 3),
 * 'scaleLabels.low.sv' — which are also the keys of the form's errors.
 */
import { required, type FieldErrors } from '../kit/forms.js';
import { bothEnds, tooFewOptions, tooManyOptions } from '../kit/fields.js';
import { pollOptionLimits, type PollInput, type PollKind, type StaffPoll } from './poll-api.js';

export interface OptionDraft {
  key: number;
  sv: string;
  en: string;
}

export interface PollDraft {
  questionSv: string;
  questionEn: string;
  kind: PollKind;
  /** Kept while the kind is a scale, for staff who change their mind back. */
  options: OptionDraft[];
  lowSv: string;
  lowEn: string;
  highSv: string;
  highEn: string;
}

let nextKey = 1;

export function newOption(): OptionDraft {
  return { key: nextKey++, sv: '', en: '' };
}

export function emptyPollDraft(): PollDraft {
  return { questionSv: '', questionEn: '', kind: 'single', options: [newOption(), newOption()], lowSv: '', lowEn: '', highSv: '', highEn: '' };
}

export function pollDraftOf(poll: StaffPoll): PollDraft {
  const scale = poll.kind === 'scale';
  return {
    questionSv: poll.question.sv,
    questionEn: poll.question.en ?? '',
    kind: poll.kind,
    options: scale ? [newOption(), newOption()] : poll.options.map((o) => ({ key: nextKey++, sv: o.label.sv, en: o.label.en ?? '' })),
    lowSv: poll.scaleLabels?.low.sv ?? '',
    lowEn: poll.scaleLabels?.low.en ?? '',
    highSv: poll.scaleLabels?.high.sv ?? '',
    highEn: poll.scaleLabels?.high.en ?? '',
  };
}

const orNull = (text: string) => text.trim() || null;

/** What can be told before asking the server. */
export function checkPollDraft(d: PollDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.questionSv.trim()) errors['question.sv'] = required;
  if (d.kind === 'scale') {
    const low = d.lowSv.trim() || d.lowEn.trim();
    const high = d.highSv.trim() || d.highEn.trim();
    if (low || high) {
      if (!d.lowSv.trim()) errors['scaleLabels.low.sv'] = low ? required : bothEnds;
      if (!d.highSv.trim()) errors['scaleLabels.high.sv'] = high ? required : bothEnds;
    }
  } else {
    if (d.options.length < pollOptionLimits.min) errors.options = tooFewOptions;
    else if (d.options.length > pollOptionLimits.max) errors.options = tooManyOptions;
    for (const o of d.options) if (!o.sv.trim()) errors[`o${o.key}.sv`] = required;
  }
  return errors;
}

/** The draft as the API takes it. */
export function pollInputOf(d: PollDraft): PollInput {
  const question = { sv: d.questionSv.trim(), en: orNull(d.questionEn) };
  if (d.kind === 'scale') {
    const labelled = d.lowSv.trim() && d.highSv.trim();
    return {
      question,
      kind: 'scale',
      scaleLabels: labelled ? { low: { sv: d.lowSv.trim(), en: orNull(d.lowEn) }, high: { sv: d.highSv.trim(), en: orNull(d.highEn) } } : null,
    };
  }
  return { question, kind: d.kind, options: d.options.map((o) => ({ sv: o.sv.trim(), en: orNull(o.en) })) };
}

const topFields = new Set(['question.sv', 'question.en', 'kind', 'options', 'scaleLabels.low.sv', 'scaleLabels.low.en', 'scaleLabels.high.sv', 'scaleLabels.high.en']);

/** The form's field for a path in the server's answer ('options.1.sv' → 'o7.sv'), as sent from `d`. */
export function pollFieldOfIssue(d: PollDraft, path: string): string | undefined {
  if (topFields.has(path)) return path;
  if (path === 'question') return 'question.sv';
  if (path === 'scaleLabels' || path === 'scaleLabels.low') return 'scaleLabels.low.sv';
  if (path === 'scaleLabels.high') return 'scaleLabels.high.sv';
  const m = /^options\.(\d+)(?:\.(sv|en))?$/.exec(path);
  if (m) {
    const option = d.options[Number(m[1])];
    return option ? `o${option.key}.${m[2] ?? 'sv'}` : 'options';
  }
  return undefined;
}
