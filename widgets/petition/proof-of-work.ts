/**
 * The solver moved to the form kit (widgets/forms/proof-of-work.ts). Only the console's tests
 * still import it from here, until they move too: no widget does, so no bundle carries this.
 */
export { encodeSolution, solve } from '../forms/proof-of-work.js';
