package io.netharness.cli;

/** Process exit codes of {@code netharness}. */
final class ExitCodes {
  /** Every scenario passed. */
  static final int OK = 0;
  /** At least one scenario failed, was undefined, pending or ambiguous. */
  static final int FAILED = 1;
  /** Bad input: unknown option, missing path, invalid tag expression, unreadable feature file. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
