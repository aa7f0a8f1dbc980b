package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LiveLineTest {
  private static final String RESET = "\u001B[0m";

  private static String cut(int width, String text) {
    try (LiveLine line = new LiveLine(new PrintWriter(new StringWriter()), width, () -> "")) {
      return line.cut(text);
    }
  }

  private static String visible(String text) {
    return text.replaceAll("\u001B\\[[0-9;]*m", "");
  }

  @Test
  void aLineThatFitsIsShownWhole() {
    assertThat(cut(40, "[1/2] Greeting › Given a greeting")).isEqualTo("[1/2] Greeting › Given a greeting");
  }

  @Test
  void aLongLineIsCutToOneColumnLessThanTheTerminalWithAnEllipsis() {
    String shown = cut(20, "[1/2] abcdefghijklmnopqrstuvwxyz");
    assertThat(visible(shown)).isEqualTo("[1/2] abcdefghijkl…").hasSize(19);
    assertThat(shown).endsWith(RESET);
  }

  @Test
  void colourCodesTakeNoRoomAndAreNeverCutInHalf() {
    String shown = cut(20, "\u001B[36m[1/2]\u001B[0m \u001B[2m3s\u001B[0m abcdefghijklmnopqrstuvwxyz");
    assertThat(visible(shown)).isEqualTo("[1/2] 3s abcdefghi…");
    assertThat(shown).startsWith("\u001B[36m[1/2]\u001B[0m").endsWith(RESET);
  }

  @Test
  void wideCharactersTakeTwoColumns() {
    String shown = cut(20, "[1/2] 你好你好你好你好你好你好");
    assertThat(visible(shown)).isEqualTo("[1/2] 你好你好你好…"); // 6 + 12 + 1 = 19 columns
  }

  @Test
  void aWideLastCharacterThatDoesNotFitBecomesTheEllipsis() {
    String shown = cut(20, "[1/2] abcdefghijkl你");   // 18 columns, then a 2-column character: 20 > 19
    assertThat(visible(shown)).isEqualTo("[1/2] abcdefghijkl…");
  }
}
