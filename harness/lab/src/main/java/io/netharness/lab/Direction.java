package io.netharness.lab;

/**
 * Which way a packet crosses the wire: from host {@code a} to host {@code b}, or back.
 *
 * <pre>{@code
 * lab.wire().impair(Direction.A_TO_B, Impairment.none().withLoss(0.2));
 * }</pre>
 */
public enum Direction {
  A_TO_B("a>b"),
  B_TO_A("b>a");

  private final String arrow;

  Direction(String arrow) {
    this.arrow = arrow;
  }

  /** Short form used in the capture's fate file: {@code a>b} or {@code b>a}. */
  public String arrow() {
    return arrow;
  }
}
