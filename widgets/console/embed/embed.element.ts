import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '../../shared/localize.js';
import { staffApi, type EmbedInfo } from '../kit/api.js';
import { states } from '../../shared/base-element.js';
import { Loaded } from '../kit/list.js';
import { colourRow, hexColour } from '../kit/screen-fields.js';
import { ConsoleScreen } from '../kit/screen.js';
import { embeddable, type EmbeddableWidget } from './embeddable.js';
import { embedStyles } from './embed.styles.js';


/** A value written into an HTML attribute of a snippet an editor pastes. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type SnippetId = 'script' | 'css' | 'iframe' | 'resizer' | 'csp-script' | 'csp-trusted-types' | 'csp-iframe';

/**
 * Writes the code an editor pastes into the CMS — the script and element, or the iframe —
 * with the Content-Security-Policy the page needs, and shows the real widget as it will look.
 */
export class MedverkaConsoleEmbed extends ConsoleScreen {
  static override heading = () => msg('Bädda in en widget', { id: 'console.embed.title' });
  static override intro = () => msg('Välj vad som ska visas. Koden nedan uppdateras medan du väljer och kan klistras in i CMS:et som den är.', { id: 'console.embed.intro' });
  static override styles = [...ConsoleScreen.styles, embedStyles];

  static override properties = {
    ...ConsoleScreen.properties,
    ...states('widgetId', 'value', 'snippetLang', 'useAccent', 'accent', 'withIntegrity', 'copied'),
  };

  #info = new Loaded(this, async () => {
    const info = await staffApi.embedInfo();
    if (!this.value) this.value = this.firstChoice(this.widget, info);
    return info;
  });

  declare private widgetId: string;
  declare private value: string;
  declare private snippetLang: 'sv' | 'en';
  declare private useAccent: boolean;
  declare private accent: string;
  declare private withIntegrity: boolean;
  /** The snippet last copied, or that could not be copied. */
  declare private copied?: { id: SnippetId; ok: boolean };

  #preview?: HTMLElement;
  #previewFor = '';

  constructor() {
    super();
    this.widgetId = embeddable[0]!.id;
    this.value = '';
    this.snippetLang = 'sv';
    this.useAccent = false;
    this.accent = '#005a9c';
    // Off by default: with it, every update of Medverka means pasting the code again (see the hint).
    this.withIntegrity = false;
  }

  /** What the server says about embedding; loaded when the screen is shown. */
  private get info(): EmbedInfo | undefined {
    return this.#info.value;
  }

  private get widget(): EmbeddableWidget {
    return embeddable.find((w) => w.id === this.widgetId) ?? embeddable[0]!;
  }

  private firstChoice(w: EmbeddableWidget, info = this.info): string {
    return (info && w.option?.choices(info)[0]?.value) || '';
  }

  /** A new widget starts at its first choice: the last one was another widget's. */
  private chooseWidget(id: string) {
    this.widgetId = id;
    this.value = this.firstChoice(this.widget);
    this.copied = undefined;
  }

  /** Whether there is something to show: a choice made, or nothing to choose. */
  private get chosen(): boolean {
    return !this.widget.option || !!this.value;
  }

  private get origin(): string {
    return (this.info?.origin ?? location.origin).replace(/\/+$/, '');
  }

  /** Where the server's pages are: its origin, and the path it may be served under. */
  private get base(): string {
    const loader = this.info?.loaderUrl ?? '';
    return loader.endsWith('/widgets/medverka.js') ? loader.slice(0, -'/widgets/medverka.js'.length) : this.origin;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The preview is the real widget; a new one when what it shows changes, or its language
    // (inside shadow roots a widget does not see its lang attribute change).
    const w = this.widget;
    const key = `${w.tag} ${this.value} ${this.snippetLang}`;
    if (w.floats) {
      // Not in the console: the launcher would float over its forms and buttons.
      this.#preview = undefined;
      this.#previewFor = '';
    } else if (this.info && this.chosen && key !== this.#previewFor) {
      this.#previewFor = key;
      // Defined on first use; the element upgrades once its code is here.
      w.define().catch(() => undefined);
      const el = document.createElement(w.tag);
      if (w.option) el.setAttribute(w.option.attribute, this.value);
      el.setAttribute('api', location.origin);
      el.setAttribute('lang', this.snippetLang);
      this.#preview = el;
    }
    if (this.#preview) {
      // Through the CSSOM: the console's own policy allows no style attributes either.
      if (this.useAccent && hexColour.test(this.accent)) this.#preview.style.setProperty('--medverka-color-accent', this.accent);
      else this.#preview.style.removeProperty('--medverka-color-accent');
    }
  }

  private snippets(): Record<SnippetId, string> {
    const info = this.info!;
    const w = this.widget;
    const value = this.value;
    const origin = this.origin;
    const langAttr = this.snippetLang === 'en' ? ' lang="en"' : '';
    const integrity = this.withIntegrity && info.loaderIntegrity ? ` integrity="${attr(info.loaderIntegrity)}"` : '';
    const title = w.option?.choices(info).find((c) => c.value === value)?.label ?? w.label();
    const attribute = w.option ? ` ${w.option.attribute}="${attr(value)}"` : '';
    const embedId = w.option ? value : (w.fixedId ?? '');
    return {
      script:
        `<script type="module" src="${attr(info.loaderUrl)}"${integrity} crossorigin="anonymous"></script>\n` +
        `<${w.tag}${attribute}${langAttr}></${w.tag}>`,
      css: `${w.tag} {\n  --medverka-color-accent: ${this.accent.toLowerCase()};\n}`,
      iframe:
        `<iframe src="${attr(`${this.base}/embed/${w.id}/${encodeURIComponent(embedId)}${this.snippetLang === 'en' ? '?lang=en' : ''}`)}" ` +
        `title="${attr(title)}" style="width:100%;border:0" height="${w.frameHeight}"></iframe>`,
      resizer: `<script src="${attr(this.base)}/widgets/frame-resizer.js" async></script>`,
      'csp-script': `script-src ${origin}; connect-src ${origin}${w.workerSrc ? `; worker-src ${w.workerSrc}` : ''}`,
      'csp-trusted-types': `trusted-types ${w.trustedTypes.join(' ')}`,
      'csp-iframe': `frame-src ${origin}`,
    };
  }

  private async copy(id: SnippetId, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = { id, ok: true };
      this.announce(msg('Kopierat', { id: 'console.embed.copied' }));
    } catch {
      this.copied = { id, ok: false };
      this.announce(msg('Det gick inte att kopiera. Markera koden och kopiera den själv.', { id: 'console.embed.copy-failed' }));
    }
  }

  private renderSnippet(id: SnippetId, text: string, name: string): TemplateResult {
    const copied = this.copied?.id === id ? this.copied : undefined;
    return html`<div class="snippet">
      <pre class="code-block" id="snippet-${id}"><code>${text}</code></pre>
      <div class="actions">
        <button type="button" data-copy=${id} @click=${() => void this.copy(id, text)}>
          ${msg('Kopiera', { id: 'console.embed.copy' })} <span class="visually-hidden">${name}</span>
        </button>
        ${copied
          ? html`<span class=${copied.ok ? 'copied' : 'field-error'}>
              ${copied.ok
                ? msg('Kopierat', { id: 'console.embed.copied' })
                : msg('Det gick inte att kopiera. Markera koden och kopiera den själv.', { id: 'console.embed.copy-failed' })}
            </span>`
          : nothing}
      </div>
    </div>`;
  }

  private renderForm(info: EmbedInfo): TemplateResult {
    const w = this.widget;
    const option = w.option;
    const choices = option?.choices(info) ?? [];
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="widget">${msg('Widget', { id: 'console.tile.widget' })}</label>
        <!-- @input: the code follows each choice; nothing leaves the page or moves focus. -->
        <select
          id="widget"
          aria-describedby=${w.about ? 'widget-about' : nothing}
          @input=${(e: Event) => this.chooseWidget((e.target as HTMLSelectElement).value)}
        >
          ${embeddable.map((x) => html`<option value=${x.id} ?selected=${x.id === this.widgetId}>${x.label()}</option>`)}
        </select>
        ${w.about ? html`<p class="hint" id="widget-about">${w.about()}</p>` : nothing}
      </div>
      ${!option
        ? nothing
        : choices.length === 0
          ? html`<p class="notice warning">
              ${msg(str`${option.label()}: det finns inget att välja än.`, { id: 'console.embed.no-choices' })}
            </p>`
          : html`<div class="field">
              <label for="value">${option.label()}</label>
              <select id="value" @input=${(e: Event) => (this.value = (e.target as HTMLSelectElement).value)}>
                ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === this.value}>${c.label} (${c.value})</option>`)}
              </select>
            </div>`}
      <fieldset>
        <legend>${msg('Språk', { id: 'console.language' })}</legend>
        <div class="choices">
          <label class="choice" for="lang-sv">
            <input type="radio" id="lang-sv" name="lang" .checked=${this.snippetLang === 'sv'} @change=${() => (this.snippetLang = 'sv')} />
            ${msg('Svenska', { id: 'console.swedish' })}
          </label>
          <label class="choice" for="lang-en">
            <input type="radio" id="lang-en" name="lang" .checked=${this.snippetLang === 'en'} @change=${() => (this.snippetLang = 'en')} />
            ${msg('Engelska', { id: 'console.english' })}
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Färg', { id: 'console.tile.colour' })}</legend>
        <label class="choice" for="use-accent">
          <input type="checkbox" id="use-accent" .checked=${this.useAccent} @change=${(e: Event) => (this.useAccent = (e.target as HTMLInputElement).checked)} />
          ${msg('Egen accentfärg (annars Medverkas blå)', { id: 'console.embed.use-accent' })}
        </label>
        ${this.useAccent
          ? colourRow(
              { id: 'accent', label: msg('Välj färg', { id: 'console.tile.colour-picker' }) },
              { id: 'accent-hex', label: msg('Färgkod', { id: 'console.tile.colour-hex' }) },
              this.accent,
              (c) => (this.accent = c),
            )
          : nothing}
      </fieldset>
      <label class="choice" for="with-integrity">
        <input
          type="checkbox"
          id="with-integrity"
          .checked=${this.withIntegrity}
          ?disabled=${!info.loaderIntegrity}
          aria-describedby="integrity-hint"
          @change=${(e: Event) => (this.withIntegrity = (e.target as HTMLInputElement).checked)}
        />
        ${msg('Ta med SRI-hash (integrity)', { id: 'console.embed.integrity' })}
      </label>
      <p class="hint" id="integrity-hint">
        ${info.loaderIntegrity
          ? msg(
              'Med hashen kör webbläsaren bara exakt den här versionen av laddaren, så ingen annan kod kan smygas in via Medverkas server. Men när Medverka uppdateras slutar widgeten att visas tills koden klistras in på nytt. Utan hashen följer sidan med i uppdateringarna av sig själv. Välj hashen bara om ni klistrar in ny kod vid varje uppdatering.',
              { id: 'console.embed.integrity-hint' },
            )
          : msg('Servern har ingen hash för laddaren (widgetarna är inte byggda).', { id: 'console.embed.no-integrity' })}
      </p>
    </form>`;
  }

  private renderOrigins(info: EmbedInfo): TemplateResult {
    if (info.allowedOrigins.length === 0) {
      return html`<div class="notice warning" id="origins-warning">
        <p>
          <strong>${msg('Obs!', { id: 'console.embed.warning' })}</strong>
          ${msg('Ingen webbplats får visa widgetarna än. Be den som driftar Medverka att lägga till er webbplats adress i ALLOWED_ORIGINS (till exempel https://www.kommun.se). Annars kan widgeten inte hämta något och iframen visas inte.', {
            id: 'console.embed.no-origins',
          })}
        </p>
      </div>`;
    }
    return html`<div class="notice">
      <p>${msg('Webbplatser som får visa widgetarna (ALLOWED_ORIGINS):', { id: 'console.embed.origins' })}</p>
      <ul>
        ${info.allowedOrigins.map((o) => html`<li><code>${o}</code></li>`)}
      </ul>
      <p>${msg('Finns inte er webbplats med? Be den som driftar Medverka att lägga till den.', { id: 'console.embed.origins-hint' })}</p>
    </div>`;
  }

  private renderCode(info: EmbedInfo): TemplateResult {
    if (!this.chosen) return html``;
    const s = this.snippets();
    const w = this.widget;
    return html`
      <h2>${msg('Förhandsvisning', { id: 'console.preview' })}</h2>
      <div class="preview-box">
        ${w.floats
          ? html`<p>
              ${msg('Chattens knapp visas inte här, eftersom den skulle ligga över konsolen. Prova den på demosidan, till exempel /demo.', {
                id: 'console.embed.no-preview-chat',
              })}
            </p>`
          : (this.#preview ?? nothing)}
      </div>

      <h2>${msg('Koden för sidan', { id: 'console.embed.script-heading' })}</h2>
      <p>${msg('Klistra in skriptet en gång per sida och elementet där widgeten ska synas.', { id: 'console.embed.script-hint' })}</p>
      ${this.renderSnippet('script', s.script, msg('skript och element', { id: 'console.embed.script-name' }))}
      ${this.useAccent
        ? html`<p>
              ${msg('Färgen läggs i sidans stilmall, inte i ett style-attribut: sidor med en strikt Content-Security-Policy tillåter inte style-attribut.', {
                id: 'console.embed.css-hint',
              })}
            </p>
            ${this.renderSnippet('css', s.css, msg('CSS-regeln för färgen', { id: 'console.embed.css-name' }))}`
        : nothing}
      <dl>
        <dt>${msg('Laddarens adress', { id: 'console.embed.loader' })}</dt>
        <dd><code>${info.loaderUrl}</code></dd>
        <dt>${msg('Laddarens SRI-hash', { id: 'console.embed.hash' })}</dt>
        <dd>
          ${info.loaderIntegrity ? html`<code>${info.loaderIntegrity}</code>` : msg('saknas', { id: 'console.embed.hash-missing' })}
        </dd>
      </dl>
      <h3>${msg('Content-Security-Policy', { id: 'console.embed.csp' })}</h3>
      <p>
        ${msg(str`Har sidan en Content-Security-Policy? Lägg då till ${this.origin} i script-src och connect-src. Widgetarna behöver inga inline-skript eller inline-stilar och fungerar med Trusted Types.`, {
          id: 'console.embed.csp-hint',
        })}
      </p>
      ${w.workerSrc
        ? html`<p>
            ${msg(str`Widgeten räknar fram ett bevis mot automatiska inskick i en Web Worker. Lägg därför också till ${w.workerSrc} i worker-src. Utan det fungerar widgeten ändå, men det tar längre tid att skicka.`, {
              id: 'console.embed.csp-worker-hint',
            })}
          </p>`
        : nothing}
      ${this.renderSnippet('csp-script', s['csp-script'], msg('CSP för skriptet', { id: 'console.embed.csp-script-name' }))}
      <p>
        ${msg("Kräver sidan Trusted Types (require-trusted-types-for 'script')? Lägg då till de här policyerna i trusted-types:", {
          id: 'console.embed.csp-trusted-types-hint',
        })}
      </p>
      ${this.renderSnippet('csp-trusted-types', s['csp-trusted-types'], msg('policyerna för Trusted Types', { id: 'console.embed.csp-trusted-types-name' }))}

      <h2>${msg('Om CMS:et inte tillåter skript: iframe', { id: 'console.embed.iframe-heading' })}</h2>
      ${w.fixedId === null
        ? html`<p id="no-iframe">
              ${msg('Chatten kan inte bäddas in med en iframe: knappen ska ligga kvar i hörnet medan invånaren läser vidare på sidan, och det kan den inte i en ram. Sidan behöver skriptet ovan.', {
                id: 'console.embed.no-iframe-chat',
              })}
            </p>
            <p class="muted">${msg(str`Elementet heter ${w.tag}.`, { id: 'console.embed.tag' })}</p>`
        : this.renderIframe(s)}
    `;
  }

  private renderIframe(s: Record<SnippetId, string>): TemplateResult {
    return html`
      <p>${msg('Klistra in iframen där widgeten ska synas.', { id: 'console.embed.iframe-hint' })}</p>
      ${this.renderSnippet('iframe', s.iframe, msg('iframen', { id: 'console.embed.iframe-name' }))}
      <p>
        ${msg('Tillåter CMS:et ett skript kan du lägga till det här, så blir iframen exakt lika hög som innehållet:', {
          id: 'console.embed.resizer-hint',
        })}
      </p>
      ${this.renderSnippet('resizer', s.resizer, msg('skriptet som anpassar höjden', { id: 'console.embed.resizer-name' }))}
      <p>
        ${msg('Iframen får inte egna färger; den visas med Medverkas färger. Tillåter sidans Content-Security-Policy inte style-attribut, ta bort style="…" och ge iframen bredd och kantlinje i sidans stilmall.', {
          id: 'console.embed.iframe-notes',
        })}
      </p>
      <p>
        ${msg(str`Content-Security-Policy för iframen. Använder du skriptet som anpassar höjden, lägg också till ${this.origin} i script-src.`, {
          id: 'console.embed.csp-iframe-hint',
        })}
      </p>
      ${this.renderSnippet('csp-iframe', s['csp-iframe'], msg('CSP för iframen', { id: 'console.embed.csp-iframe-name' }))}
      <p class="muted">${msg(str`Elementet heter ${this.widget.tag}.`, { id: 'console.embed.tag' })}</p>
    `;
  }

  protected override render(): TemplateResult {
    return html`
      ${this.renderHeading()}
      ${this.#info.render(
        (info) =>
          html`${this.renderOrigins(info)}
            <div class="layout">
              <div>${this.renderForm(info)}</div>
              <div>${this.renderCode(info)}</div>
            </div>`,
      )}
    `;
  }
}
