import { css } from 'lit';

/**
 * What only the one-petition widget shows — its share links, its signatures per day, and how
 * it prints — apart from the form styles that the budget and the list share, so that their
 * chunks do not carry it.
 */
export const petitionPageStyles = css`
    .days-table {
      border-collapse: collapse;
      margin-top: 0.5em;
    }
    .days-table caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: 0.25em;
    }
    .days-table th,
    .days-table td {
      padding: 0.25em 0.5em 0.25em 0;
      overflow-wrap: normal;
      border-bottom: 1px solid var(--_border);
      text-align: start;
    }
    .days-table td {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .share {
      display: flex;
      flex-direction: column;
      gap: 0.5em;
      align-items: flex-start;
    }
    .share .subheading {
      margin: 0;
    }
    .share-links {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.25em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .share-links a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: var(--_accent);
      font-weight: 700;
    }
    /* On paper: the petition, its count and its answer; nothing to press or fill in. */
    @media print {
      .sign,
      .sent,
      .share,
      .base button {
        display: none;
      }
      .answer {
        background: none;
      }
    }
`;
