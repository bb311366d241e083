import { states } from '../../shared/base-element.js';
import { msg, str } from '../../shared/localize.js';
import { StaffApiError } from '../kit/api.js';
import { editorStyles } from '../kit/editor.styles.js';
import { LiveStream } from '../kit/live-stream.js';
import { pollApi, type PollLiveEvent, type StaffPoll } from './poll-api.js';
import { emptyPollDraft, pollDraftOf, type OptionDraft, type PollDraft } from './poll-draft.js';
import { fieldIdOf, pollIssueText, pollStyles } from '../kit/fields.js';
import { codeBlockStyles } from '../kit/style-blocks.js';
import { DraftScreen, type Field } from '../kit/form-editor.js';
import { ConsoleScreen } from '../kit/screen.js';

export type Step = 'open' | 'close' | 'reset' | 'delete';

/** What the poll screen's parts share: the poll, its draft, and loading and following it. */
export abstract class PollScreen extends DraftScreen<PollDraft, unknown> {
  static override styles = [...ConsoleScreen.styles, editorStyles, codeBlockStyles, pollStyles];

  static override properties = {
    ...DraftScreen.properties,
    /** The poll's number; none for a new poll. */
    pollId: { attribute: 'poll-id' },
    ...states('poll', 'live'),
  };

  declare pollId: string;
  declare protected poll?: StaffPoll;
  /** Whether the results follow the live stream right now. */
  declare protected live: boolean;

  protected stream?: LiveStream;

  constructor() {
    super();
    this.pollId = '';
    this.live = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.creating) this.draft ??= emptyPollDraft();
    else void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(false);
  }

  protected get creating(): boolean {
    return !this.pollId;
  }

  protected get number(): number {
    return Number(this.pollId);
  }

  /** The poll as saved (the API lists polls; there is no request for one). */
  protected async fetchPoll(): Promise<StaffPoll> {
    const poll = (await pollApi.polls()).polls.find((p) => p.id === this.number);
    if (!poll) throw new StaffApiError(404, 'poll_not_found', 'not found');
    return poll;
  }

  async load(): Promise<void> {
    await this.loadWith(async () => this.show(await this.fetchPoll()));
  }

  /** Shows the poll as saved; the form follows unless it holds changes not yet saved. */
  protected show(poll: StaffPoll, keepDraft = false) {
    this.poll = poll;
    if (!keepDraft || !this.draft) {
      this.draft = pollDraftOf(poll);
      this.dirty = false;
    }
    this.follow(poll.status === 'open');
  }

  /** Follows the public live stream while the poll is open: the results change as residents answer. */
  protected follow(on: boolean) {
    if (on && !this.stream && this.isConnected) {
      this.stream = new LiveStream(
        () => pollApi.liveUrl(this.number),
        {
          results: (data) => {
            const event = data as PollLiveEvent;
            if (!this.poll || !event?.results) return;
            this.poll = { ...this.poll, results: event.results, status: event.status ?? this.poll.status };
          },
        },
        (state) => (this.live = state === 'open'),
      );
      this.stream.start();
    } else if (!on && this.stream) {
      this.stream.stop();
      this.stream = undefined;
      this.live = false;
    }
  }

  // ——— The form ———

  protected issueText(message: string): string {
    return pollIssueText(message);
  }

  protected get labels() {
    return {
      questionSv: msg('Frågan på svenska', { id: 'console.poll.question-sv' }),
      questionEn: msg('Frågan på engelska (valfri)', { id: 'console.poll.question-en' }),
      kind: msg('Hur invånarna svarar', { id: 'console.poll.kind' }),
      options: msg('Svarsalternativ', { id: 'console.poll.options' }),
      optionSv: msg('På svenska', { id: 'console.poll.in-swedish' }),
      optionEn: msg('På engelska (valfritt)', { id: 'console.poll.in-english' }),
      lowSv: msg('Vid 1, på svenska', { id: 'console.poll.low-sv' }),
      lowEn: msg('Vid 1, på engelska (valfritt)', { id: 'console.poll.low-en' }),
      highSv: msg('Vid 5, på svenska', { id: 'console.poll.high-sv' }),
      highEn: msg('Vid 5, på engelska (valfritt)', { id: 'console.poll.high-en' }),
    };
  }

  /** "Alternativ 2: Ja" — an option's name wherever it is spoken of. */
  protected optionName(option: OptionDraft): string {
    const n = this.draft!.options.indexOf(option) + 1;
    const text = option.sv.trim();
    return text ? msg(str`Alternativ ${n}: ${text}`, { id: 'console.poll.named-option' }) : msg(str`Alternativ ${n}`, { id: 'console.poll.option-n' });
  }

  protected get fields(): Field[] {
    const d = this.draft!;
    const l = this.labels;
    const f = (name: string, label: string, id = fieldIdOf(name)): Field => ({ name, id, label });
    const list = [f('question.sv', l.questionSv), f('question.en', l.questionEn), f('kind', l.kind, 'f-kind-single')];
    if (d.kind === 'scale') {
      list.push(f('scaleLabels.low.sv', l.lowSv), f('scaleLabels.low.en', l.lowEn), f('scaleLabels.high.sv', l.highSv), f('scaleLabels.high.en', l.highEn));
    } else {
      list.push(f('options', l.options, 'add-option'));
      for (const o of d.options) {
        const name = this.optionName(o);
        list.push(f(`o${o.key}.sv`, `${name}: ${l.optionSv}`), f(`o${o.key}.en`, `${name}: ${l.optionEn}`));
      }
    }
    return list;
  }
}
