package io.netharness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PayloadTest {

  @Test
  void sameTextIsDifferentBytesInGbkAndUtf8() {
    assertThat(Payload.text("哈哈", Encodings.charset("GBK")).hex()).isEqualTo("b9feb9fe");
    assertThat(Payload.utf8("哈哈").hex()).isEqualTo("e59388e59388");
  }

  @Test
  void unencodableTextIsAnErrorNotAQuestionMark() {
    assertThatThrownBy(() -> Payload.text("哈", Encodings.charset("ISO-8859-1")))
        .isInstanceOf(HarnessException.class)
        .hasMessageContaining("cannot be encoded as ISO-8859-1");
  }

  @Test
  void hexAcceptsWhatPeoplePaste() {
    assertThat(Hex.parse("0x48 65:6c-6C\n6f")).isEqualTo("Hello".getBytes(UTF_8));
  }

  @Test
  void hexdumpShowsOffsetsHexAsciiAndDecodedText() {
    String dump = HexDump.of("hi\n哈".getBytes(UTF_8), UTF_8);
    assertThat(dump).startsWith("00000000  68 69 0a e5 93 88").contains("|hi....|").contains("\"hi\\n哈\"");
  }

  @Test
  void framingsRoundTrip() {
    for (Framing framing : List.of(Framing.lines(), Framing.lengthPrefixed(1), Framing.lengthPrefixed(4),
        Framing.delimiter(new byte[] {0}))) {
      byte[] wire = concat(framing.encode("ab".getBytes(UTF_8)), framing.encode("cde".getBytes(UTF_8)));
      assertThat(framing.split(wire)).as(framing.describe()).extracting(b -> new String(b, UTF_8)).containsExactly("ab", "cde");
      assertThat(framing.remainder(wire)).isZero();
    }
    assertThat(Framing.fixedSize(2).split("abcde".getBytes(UTF_8))).hasSize(2);
    assertThatThrownBy(() -> Framing.lengthPrefixed(3)).hasMessageContaining("1, 2, 4 or 8");
    assertThatThrownBy(() -> Framing.lengthPrefixed(1).encode(new byte[300])).hasMessageContaining("does not fit");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
