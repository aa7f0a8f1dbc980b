package io.netharness.impairment;

/**
 * An impairment that remembers something between datagrams (a channel state, a rate budget).
 * The relay makes one state per direction with {@link #newState()} and hands it back on every
 * datagram of that direction; all calls come from one thread.
 *
 * @param <S> the per-direction state
 */
public interface StatefulImpairment<S> extends Impairment {
  S newState();

  void impair(DatagramFate fate, S state);

  /** Outside a relay there is no remembered state: behaves as for the first datagram. */
  @Override
  default void impair(DatagramFate fate) {
    impair(fate, newState());
  }
}
