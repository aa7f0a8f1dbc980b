package io.netharness.cucumber;

import io.cucumber.java.en.Then;
import io.netharness.ExpectationFailedException;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import io.netharness.payload.HexDump;
import io.netharness.payload.Payload;
import java.nio.charset.Charset;

/**
 * Steps about encodings themselves, without a network: the same text is different bytes in
 * different charsets.
 *
 * <pre>{@code
 * Then "哈哈" encoded as GBK is hex "b9 fe b9 fe"
 * Then hex "e5 93 88" decoded as UTF-8 reads "哈"
 * }</pre>
 */
public final class EncodingSteps {

  @Then("{string} encoded as {charset} is hex {string}")
  public void encodesTo(String text, Charset charset, String hex) {
    byte[] expected = Hex.parse(hex);
    byte[] got = Payload.text(text, charset).bytes();
    if (!java.util.Arrays.equals(got, expected)) {
      throw new ExpectationFailedException(HexDump.quote(text) + " encoded as " + charset.name() + " is "
          + Hex.formatSpaced(got) + ", not " + Hex.formatSpaced(expected));
    }
  }

  @Then("hex {string} decoded as {charset} reads {string}")
  public void decodesTo(String hex, Charset charset, String text) {
    String got = Encodings.decodeLenient(Hex.parse(hex), charset);
    if (!got.equals(text)) {
      throw new ExpectationFailedException("hex " + hex + " decoded as " + charset.name() + " reads "
          + HexDump.quote(got) + ", not " + HexDump.quote(text));
    }
  }
}
