package io.netharness.lab;

import io.netharness.HarnessException;

/**
 * The lab cannot run here (not Linux, no /dev/net/tun, no CAP_NET_ADMIN); the message says which and the fix.
 *
 * <pre>{@code
 * try (Lab lab = Lab.start()) { ... } catch (LabUnavailableException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public final class LabUnavailableException extends HarnessException {
  private static final long serialVersionUID = 1L;

  public LabUnavailableException(String message) {
    super(message);
  }
}
