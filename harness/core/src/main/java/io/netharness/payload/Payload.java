package io.netharness.payload;

import io.netharness.HarnessException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Bytes to send, with a description of where they came from for messages and reports.
 *
 * <pre>{@code
 * Payload a = Payload.text("哈哈呵呵呵", Encodings.charset("GBK"));
 * Payload b = Payload.hex("de ad be ef");
 * Payload c = Payload.base64("aGk=");
 * Payload d = Payload.file(Path.of("fixtures/hello.txt"));
 * }</pre>
 *
 * @param bytes the bytes, never modified after construction
 * @param description how the payload was written, e.g. {@code text "hi" as UTF-8}
 */
public record Payload(byte[] bytes, String description) {

  public Payload {
    bytes = bytes.clone();
  }

  /** Text encoded strictly in {@code charset}; unencodable characters are an error. */
  public static Payload text(String text, Charset charset) {
    return new Payload(Encodings.encodeStrict(text, charset), "text " + HexDump.quote(text) + " as " + charset.name());
  }

  public static Payload utf8(String text) {
    return text(text, StandardCharsets.UTF_8);
  }

  public static Payload hex(String hex) {
    return new Payload(Hex.parse(hex), "hex " + hex.trim());
  }

  public static Payload base64(String base64) {
    try {
      return new Payload(Base64.getMimeDecoder().decode(base64.trim()), "base64 " + base64.trim());
    } catch (IllegalArgumentException e) {
      throw new HarnessException("bad base64 \"" + base64 + "\": " + e.getMessage());
    }
  }

  public static Payload bytes(byte[] bytes) {
    return new Payload(bytes, bytes.length + " bytes");
  }

  /** The whole content of a file; for large files prefer {@code TcpClient.sendFile}, which streams. */
  public static Payload file(Path file) {
    try {
      return new Payload(Files.readAllBytes(file), "file " + file);
    } catch (IOException e) {
      throw new HarnessException("cannot read payload file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  public String hex() {
    return Hex.format(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Payload p && Arrays.equals(bytes, p.bytes) && description.equals(p.description);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes) * 31 + description.hashCode();
  }

  @Override
  public String toString() {
    return description + " (" + bytes.length + " bytes)";
  }
}
