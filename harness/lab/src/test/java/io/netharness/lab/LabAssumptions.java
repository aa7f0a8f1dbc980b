package io.netharness.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a lab test, with the reason and the fix, where the lab cannot run (not Linux, no TUN, no privileges). */
final class LabAssumptions {
  private LabAssumptions() {}

  static void assumeLab() {
    String reason = Lab.unavailableReason().orElse(null);
    assumeTrue(reason == null, () -> "packet lab skipped: " + reason);
  }
}
