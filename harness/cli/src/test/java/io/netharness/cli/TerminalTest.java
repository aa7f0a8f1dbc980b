package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TerminalTest {

  @Test
  void no_color_or_a_dumb_terminal_turns_colour_off() {
    assertThat(Terminal.colourAllowed(Map.of())).isTrue();
    assertThat(Terminal.colourAllowed(Map.of("NO_COLOR", "1"))).isFalse();
    assertThat(Terminal.colourAllowed(Map.of("NO_COLOR", ""))).isTrue();
    assertThat(Terminal.colourAllowed(Map.of("TERM", "dumb"))).isFalse();
  }

  @Test
  void marks_fall_back_to_ascii_when_the_console_cannot_show_them() {
    assertThat(Style.of(false, StandardCharsets.UTF_8).passMark()).isEqualTo("✔");
    assertThat(Style.of(false, StandardCharsets.US_ASCII).failMark()).isEqualTo("x");
    assertThat(Style.of(true, StandardCharsets.UTF_8).red("boom")).isEqualTo("\u001B[31mboom\u001B[0m");
    assertThat(Style.of(false, StandardCharsets.UTF_8).red("boom")).isEqualTo("boom");
  }
}
