package io.netharness.cucumber;

import io.netharness.proxy.Direction;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client "connected to" a proxy is connected through to the server, so a toxic added and
 * removed right after applies to it. (It once did not: the whole add-send-remove could finish
 * before the proxy had dialled the upstream, and the data went through untouched.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxiedConnectionTest {

  @Test
  void aToxicAddedRightAfterConnectingAppliesToThatConnection() {
    for (int round = 0; round < 50; round++) {
      HarnessState state = new HarnessState();
      try {
        new ServerSteps(state).echoServer("srv");
        new ProxySteps(state).proxy("p", "srv");
        new ClientSteps(state).connect("alice", "p");
        new ToxicSteps(state).stall("p", Direction.UPSTREAM);
        new ClientSteps(state).sendText("alice", "lost");
        new ToxicSteps(state).remove("p", "timeout_upstream");
        new ClientSteps(state).seesFin("alice"); // removing a stall closes: data was lost
      } finally {
        state.closeAll();
      }
    }
  }
}
