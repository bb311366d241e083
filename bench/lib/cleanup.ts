/**
 * What has to be undone — servers to stop, databases to drop — kept as a stack, so the bench
 * leaves nothing behind whether a run ends normally, by an error or by Ctrl-C.
 */
export class Cleanup {
  private readonly steps: Array<() => Promise<void>> = [];
  private chain: Promise<void> = Promise.resolve();

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** How many steps are waiting; pass it to unwind() later to undo only what came after. */
  get depth(): number {
    return this.steps.length;
  }

  /**
   * Runs the steps added since the stack was `mark` deep, newest first. Every unwind goes
   * through one chain, so Ctrl-C during a database's own cleanup waits for the step under
   * way (a half-dropped database) instead of exiting over it.
   */
  unwind(mark = 0): Promise<void> {
    this.chain = this.chain.then(async () => {
      while (this.steps.length > mark) {
        const step = this.steps.pop()!;
        try {
          await step();
        } catch (err) {
          process.stderr.write(`bench: cleanup failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
    });
    return this.chain;
  }
}
