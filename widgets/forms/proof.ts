import { ApiRequestError, getJson, type PowChallenge } from '../shared/api.js';

/**
 * The proof of work for a form's next submission: fetched and solved in the background once
 * the resident starts the form (`start`, on focus and input), taken when they send. The
 * solver is its own chunk, fetched with the first challenge: a page that only shows
 * (a published budget, an answered petition) never needs it.
 */
export class Proof {
  #pow?: Promise<string>;

  constructor(private readonly base: () => string) {}

  /** Starts fetching and solving a challenge, once per submission. */
  start = () => {
    this.#pow ??= this.prove();
    // Handled where it is awaited; without this an early failure would be reported as unhandled.
    this.#pow.catch(() => {});
  };

  /**
   * The solution for this submission. A solution is spent by any answer, so the next
   * submission solves a new one (start it again after a refusal, to have it ready).
   */
  take(): Promise<string> {
    this.start();
    const pow = this.#pow!;
    this.#pow = undefined;
    return pow;
  }

  private async prove(): Promise<string> {
    const [challenge, { solve, encodeSolution }] = await Promise.all([getJson<PowChallenge>(this.base(), 'api/pow/challenge'), import('./proof-of-work.js')]);
    const number = await solve(challenge);
    if (number < 0) throw new ApiRequestError(null, 'pow_unsolved', 'No number solves the challenge.');
    return encodeSolution(challenge, number);
  }
}
