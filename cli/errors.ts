/**
 * The CLI's two answers that are not results (design.md, "CLI contract"): bad input (exit 2, one
 * line naming the argument and its range) and valid input the mathematics could not answer
 * (exit 3, one line starting "not converged").
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class NotConvergedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotConvergedError';
  }
}

/** Exit codes, documented in README and `ascent-verify help`. */
export const EXIT = { answered: 0, moved: 1, badInput: 2, notConverged: 3, internal: 4 } as const;
