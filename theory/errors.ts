/**
 * The one error by which theory/ says "valid input, but the method could not answer": an iteration hit
 * its step cap, a root search lost its bracket, a series did not converge. The CLI answers it with
 * "not converged" and exit 3; a claim's measure records it, never as a pass.
 */
export class NonConvergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonConvergenceError';
  }
}
