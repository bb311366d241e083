import type { TemplateMap } from '../../shared/localize.js';

/** English for the form kit's own words; each form widget's templates include these. */
export const templates: TemplateMap = {
  'forms.pow-failed': 'The security check did not finish. Try sending again.',
};
