package io.netharness.impairment;

/** Drops every datagram: the link is down. */
public record Blackhole() implements Impairment {
  @Override
  public void impair(DatagramFate fate) {
    fate.drop();
  }
}
