package io.netharness.cucumber;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.ExpectationFailedException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "receives" consumes on both sides; "has received" compares everything so far. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveSemanticsTest {
  private final HarnessState state = new HarnessState();
  private final ServerSteps servers = new ServerSteps(state);
  private final ClientSteps clients = new ClientSteps(state);
  private final ReceivedSteps received = new ReceivedSteps(state);

  @AfterEach
  void closeEverything() {
    state.closeAll();
  }

  @Test
  void aServerReceiveConsumesSoTwoChecksSeeTwoPiecesAndHasReceivedSeesTheWhole() {
    servers.collectingServer("srv");
    clients.connect("alice", "srv");
    clients.sendText("alice", "first, ");
    received.receivesText("srv", "first, ", "alice");
    clients.sendText("alice", "second");
    received.receivesText("srv", "second", "alice");

    received.hasReceivedText("srv", "first, second", "alice");
    received.hasReceivedCount("srv", 13L, "alice");
  }

  @Test
  void aReceiveThatOnlyTheWholeMatchesSaysToWriteHasReceived() {
    servers.collectingServer("srv");
    clients.connect("alice", "srv");
    clients.sendText("alice", "first, ");
    received.receivesText("srv", "first, ", "alice");
    clients.sendText("alice", "second");
    received.hasReceivedText("srv", "first, second", "alice");

    assertThatThrownBy(() -> received.receivesText("srv", "first, second", "alice"))
        .isInstanceOf(ExpectationFailedException.class)
        .hasMessageContaining("different bytes arrived")
        .hasMessageContaining("write: Then \"srv\" has received \"first, second\" from \"alice\"");
  }

  @Test
  void hasReceivedFailsOnOneByteTooMany() {
    servers.collectingServer("srv");
    clients.connect("alice", "srv");
    clients.sendText("alice", "hello!");

    assertThatThrownBy(() -> received.hasReceivedText("srv", "hello", "alice"))
        .hasMessageContaining("more bytes arrived");
  }
}
