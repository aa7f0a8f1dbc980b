package io.netharness.payload;

import io.netharness.HarnessException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Looks up JDK charsets by name with an error that says how to fix a typo, and decodes bytes the
 * way a careless program would (replacing what does not decode) or the way a strict one would.
 *
 * <pre>{@code
 * Charset gbk = Encodings.charset("gbk");
 * String garbage = Encodings.decodeLenient(Payload.text("哈哈", gbk).bytes(), StandardCharsets.UTF_8);
 * }</pre>
 */
public final class Encodings {
  private Encodings() {}

  /** The charset called {@code name} (any JDK name or alias, case-insensitive). */
  public static Charset charset(String name) {
    try {
      return Charset.forName(name.trim());
    } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
      throw new HarnessException(
          "unknown charset \"" + name + "\": use a JDK charset name such as UTF-8, GBK, GB18030, Big5,"
              + " Shift_JIS or ISO-8859-1 (`java -XshowSettings:properties` does not list them;"
              + " Charset.availableCharsets() does)");
    }
  }

  /** Decodes as most programs do: undecodable bytes become U+FFFD. */
  public static String decodeLenient(byte[] bytes, Charset charset) {
    return new String(bytes, charset);
  }

  /** True when {@code bytes} are well-formed in {@code charset}. */
  public static boolean isWellFormed(byte[] bytes, Charset charset) {
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Encodes strictly: a character the charset cannot represent is an error, not a '?'. */
  public static byte[] encodeStrict(String text, Charset charset) {
    try {
      ByteBuffer buffer =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new HarnessException(
          "\"" + text + "\" cannot be encoded as " + charset.name()
              + ": pick a charset that has these characters (UTF-8 has all of them)");
    }
  }
}
