package io.netharness;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a receive or expect call uses when it names no charset or timeout: set once on the endpoint.
 *
 * <pre>{@code
 * TcpClient client = TcpClient.builder().address(server.address())
 *     .charset(Charset.forName("GBK")).timeout(Duration.ofSeconds(2)).connect();
 * client.expectText("哈哈");                     // GBK, within 2 s
 * client.expectText("ok", UTF_8, Duration.ofSeconds(9));   // or say it per call
 * }</pre>
 *
 * @param charset how text is encoded and decoded (default UTF-8)
 * @param timeout how long a receive or expect waits (default 5 s)
 */
public record ReceiveDefaults(Charset charset, Duration timeout) {
  /** UTF-8 and 5 seconds. */
  public static final ReceiveDefaults STANDARD = new ReceiveDefaults(StandardCharsets.UTF_8, Duration.ofSeconds(5));

  public ReceiveDefaults {
    if (timeout.isNegative()) {
      throw new HarnessException("a receive timeout cannot be negative: " + timeout);
    }
  }

  public ReceiveDefaults withCharset(Charset charset) {
    return new ReceiveDefaults(charset, timeout);
  }

  public ReceiveDefaults withTimeout(Duration timeout) {
    return new ReceiveDefaults(charset, timeout);
  }
}
