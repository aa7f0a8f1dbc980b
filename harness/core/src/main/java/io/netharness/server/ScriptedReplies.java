package io.netharness.server;

import io.netharness.HarnessException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "When it receives X it sends Y": watches each connection's stream for the triggers, however the
 * bytes were split into reads, and sends the reply of the earliest trigger found. Bytes up to the
 * end of a matched trigger are consumed, so a trigger sent twice gets two replies.
 *
 * <pre>{@code
 * Behavior b = Behaviors.scripted(List.of(
 *     new ScriptedReplies.Rule(Payload.utf8("PING").bytes(), Payload.utf8("PONG\n").bytes())));
 * }</pre>
 */
public final class ScriptedReplies implements Behavior {
  /** One rule: when {@code trigger} arrives, send {@code reply}. */
  public record Rule(byte[] trigger, byte[] reply) {
    public Rule {
      if (trigger.length == 0) {
        throw new HarnessException("a scripted reply needs a non-empty trigger");
      }
      trigger = trigger.clone();
      reply = reply.clone();
    }
  }

  private final List<Rule> rules;
  private final Map<ServerConnection, ByteArrayOutputStream> pending = new ConcurrentHashMap<>();

  ScriptedReplies(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void onMessage(ServerConnection connection, byte[] message) {
    ByteArrayOutputStream buffer = pending.computeIfAbsent(connection, c -> new ByteArrayOutputStream());
    buffer.writeBytes(message);
    byte[] stream = buffer.toByteArray();
    int consumed = 0;
    while (true) {
      int bestAt = -1;
      Rule best = null;
      for (Rule rule : rules) {
        int at = indexOf(stream, rule.trigger(), consumed);
        if (at >= 0 && (bestAt < 0 || at < bestAt)) {
          bestAt = at;
          best = rule;
        }
      }
      if (best == null) {
        break;
      }
      connection.send(best.reply());
      consumed = bestAt + best.trigger().length;
    }
    buffer.reset();
    // keep a tail long enough to complete a trigger split across reads
    int longest = rules.stream().mapToInt(r -> r.trigger().length).max().orElse(1);
    int keepFrom = Math.max(consumed, stream.length - (longest - 1));
    buffer.write(stream, keepFrom, stream.length - keepFrom);
  }

  @Override
  public void onDisconnect(ServerConnection connection) {
    pending.remove(connection);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
