import { css } from 'lit';

/** The survey screen's own styles (its timeline, its pages and questions, its results), on top of the editors'. */
export const surveyStyles = css`
      .timeline {
        max-width: 40rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .timeline li {
        position: relative;
        padding: 0.25rem 0 0.75rem 2rem;
        border-inline-start: 2px solid var(--_border);
        margin-inline-start: 0.625rem;
      }
      .timeline li:last-child {
        border-inline-start-color: transparent;
      }
      .timeline .mark {
        position: absolute;
        inset-inline-start: -0.6875rem;
        top: 0.25rem;
        width: 1.25rem;
        height: 1.25rem;
        border: 2px solid var(--_border);
        border-radius: 50%;
        background: var(--_surface);
      }
      .timeline li.done .mark {
        border-color: var(--_accent);
        background: var(--_accent);
      }
      .timeline li[aria-current] .mark {
        border-color: var(--_accent);
        border-width: 4px;
      }
      .timeline .what {
        display: block;
        font-weight: 700;
      }
      .timeline li:not(.done) .what {
        font-weight: normal;
        color: var(--_muted);
      }
      .question-edit {
        padding: 1rem;
        border: 1px solid var(--_border);
        border-inline-start: 0.3125rem solid var(--_accent);
        border-radius: var(--_radius);
      }
      .page-edit {
        margin: 0 0 1.5rem;
        padding: 1rem;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
      }
      .page-edit > h3 {
        margin-top: 0;
      }
      @media (max-width: 30rem) {
        .question-edit,
        .page-edit {
          padding: 0.5rem;
        }
      }
      .text-answers {
        max-width: 40rem;
        max-height: 24rem;
        overflow-y: auto;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .text-answers li {
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_border);
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .text-answers li:last-child {
        border-bottom: 0;
      }
      .question-result,
      .group {
        margin: 0 0 1.5rem;
      }
      .contents {
        max-width: 40rem;
      }
      /* The editors' layout, with a gap between its rows and a preview that scrolls on its own. */
      .layout {
        /* minmax(0, …): a long field or the preview never widens the page past a phone's width. */
        grid-template-columns: minmax(0, 1fr);
        gap: 2rem;
      }
      @media (min-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        }
        .preview {
          max-height: calc(100vh - 2rem);
          overflow-y: auto;
        }
      }
      .languages {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      @media (forced-colors: active) {
        .timeline li,
        .timeline .mark,
        .question-edit,
        .page-edit,
        .text-answers {
          border-color: CanvasText;
        }
        .timeline li.done .mark {
          background: CanvasText;
          forced-color-adjust: none;
        }
      }
`;
