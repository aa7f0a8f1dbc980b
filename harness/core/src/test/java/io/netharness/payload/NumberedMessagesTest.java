package io.netharness.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NumberedMessagesTest {

  @Test
  void elevenBytesIsTheBareNumberedLine() {
    assertThat(NumberedMessages.ofSize(11).text(42)).isEqualTo("msg-000042\n");
  }

  @Test
  void longerMessagesArePaddedBeforeTheNewline() {
    NumberedMessages messages = NumberedMessages.ofSize(16);

    assertThat(messages.text(42)).isEqualTo("msg-000042.....\n");
    assertThat(messages.bytes(7)).hasSize(16);
    assertThat(messages.number("msg-000042.....")).isEqualTo(42);
  }

  @Test
  void anythingButAnExactMessageIsNotOneOfOurs() {
    NumberedMessages messages = NumberedMessages.ofSize(16);

    assertThat(messages.number("msg-000042\n")).isEqualTo(-1);
    assertThat(messages.number("msg-00004x.....\n")).isEqualTo(-1);
    assertThat(messages.number("msg-000042....x\n")).isEqualTo(-1);
    assertThat(messages.number("MSG-000042.....\n")).isEqualTo(-1);
  }
}
