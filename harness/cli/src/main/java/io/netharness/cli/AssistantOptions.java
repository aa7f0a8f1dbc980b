package io.netharness.cli;

import io.netharness.HarnessException;
import io.netharness.payload.Encodings;
import io.netharness.payload.Hex;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code tcp connect}, {@code tcp listen} and {@code udp} share; {@link #check} validates them. */
final class AssistantOptions {
  /** What goes after each line typed on stdin (never added in --hex mode). */
  enum LineEnding {
    lf("\n"), crlf("\r\n"), none("");

    final String text;

    LineEnding(String text) {
      this.text = text;
    }
  }

  @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
      description = "Charset of the text sent and shown: any JDK charset, e.g. UTF-8, GBK, Shift_JIS (default: ${DEFAULT-VALUE}).")
  String encoding = "UTF-8";

  @Option(names = "--hex", description = "Lines typed are hex bytes to send (e.g. '48 65 0d 0a'); received bytes are shown as a hexdump.")
  boolean hex;

  @Option(names = "--line-ending", paramLabel = "lf|crlf|none", defaultValue = "lf",
      description = "Added after each line typed (default: ${DEFAULT-VALUE}).")
  LineEnding lineEnding = LineEnding.lf;

  @Option(names = "--send", paramLabel = "TEXT", description = "Send TEXT (plus the line ending) on connect; hex with --hex.")
  @Nullable String send;

  @Option(names = "--send-file", paramLabel = "FILE", description = "Send this file on connect, then carry on.")
  @Nullable Path sendFile;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Send --send/--send-file N times (default: ${DEFAULT-VALUE}).")
  int repeat = 1;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "Pause between repeats, e.g. 500ms or 2s (default: ${DEFAULT-VALUE}).")
  Duration every = Duration.ofSeconds(1);

  @Option(names = "--save", paramLabel = "FILE", description = "Append every received byte to FILE.")
  @Nullable Path save;

  @Option(names = "--timestamps", description = "Show each message with the time, peer and direction.")
  boolean timestamps;

  @Option(names = {"-q", "--quiet"}, description = "No connection events and byte counts, only data.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Connection events go to stdout with the data instead of stderr.")
  boolean verbose;

  private Charset charset = StandardCharsets.UTF_8;

  /** Checks the combination and resolves the charset; throws a one-line usage error naming the option. */
  void check(CommandLine cl) {
    try {
      charset = Encodings.charset(encoding);
    } catch (HarnessException e) {
      throw new BadInputException(cl, "--encoding " + e.getMessage());
    }
    if (repeat < 1) {
      throw new BadInputException(cl, "--repeat must be 1 or more, not " + repeat);
    }
    if (every.isNegative()) {
      throw new BadInputException(cl, "--every cannot be negative: " + every);
    }
    if (repeat > 1 && send == null && sendFile == null) {
      throw new BadInputException(cl, "--repeat needs something to send: add --send TEXT or --send-file FILE");
    }
    if (sendFile != null && !Files.isReadable(sendFile)) {
      throw new BadInputException(cl, "--send-file " + sendFile + " does not exist or cannot be read");
    }
    if (send != null && hex) {
      try {
        Hex.parse(send);
      } catch (HarnessException e) {
        throw new BadInputException(cl, "--send with --hex: " + e.getMessage());
      }
    }
  }

  Charset charset() {
    return charset;
  }

  /** The --send text as bytes: hex with --hex, else encoded with the line ending; null without --send. */
  byte @Nullable [] sendBytes() {
    if (send == null) {
      return null;
    }
    return hex ? Hex.parse(send) : Encodings.encodeStrict(send + lineEnding.text, charset);
  }

  boolean autoSends() {
    return send != null || sendFile != null;
  }
}
