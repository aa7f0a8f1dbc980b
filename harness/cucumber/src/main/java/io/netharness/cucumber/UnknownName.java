package io.netharness.cucumber;

import io.netharness.HarnessException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The message for a name a step used that the scenario never created: which names of that kind
 * exist, the nearest one ("did you mean"), what the name is if it names another kind of endpoint,
 * and the step that creates one of the kind asked for.
 *
 * <pre>{@code
 * no TCP client called "alicia" in this scenario; did you mean "alice"? Known TCP clients: [alice].
 * Create it first, e.g. Given a TCP client "alicia" connected to "srv"
 * }</pre>
 */
final class UnknownName {
  /** The kinds of endpoint a scenario names, with the step that creates each. */
  enum Kind {
    SERVER(io.netharness.server.TcpServer.class, "TCP server", "TCP servers", "Given a TCP server \"%s\""),
    CLIENT(io.netharness.client.TcpClient.class, "TCP client", "TCP clients",
        "Given a TCP client \"%s\" connected to \"%s\""),
    PEER(io.netharness.udp.UdpPeer.class, "UDP peer", "UDP peers", "Given a UDP peer \"%s\""),
    PROXY(io.netharness.proxy.ProxyControl.class, "proxy", "proxies", "Given a proxy \"%s\" in front of \"%s\""),
    RELAY(io.netharness.impairment.UdpRelay.class, "UDP relay", "UDP relays",
        "Given a UDP relay \"%s\" in front of \"%s\" with seed 1");

    final Class<? extends io.netharness.Endpoint> type;
    final String singular;
    final String plural;
    private final String example;

    Kind(Class<? extends io.netharness.Endpoint> type, String singular, String plural, String example) {
      this.type = type;
      this.singular = singular;
      this.plural = plural;
      this.example = example;
    }

    /** The kind of this endpoint. */
    static Kind of(io.netharness.Endpoint endpoint) {
      for (Kind kind : values()) {
        if (kind.type.isInstance(endpoint)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("not a scenario endpoint: " + endpoint);
    }
  }

  private UnknownName() {}

  /**
   * @param known every name of the scenario, by kind
   * @param target a name the example step can point at (a server for a client, say), or a placeholder
   */
  static HarnessException of(Kind kind, String name, Map<Kind, Collection<String>> known, String target) {
    StringBuilder message = new StringBuilder("no " + kind.singular + " called \"" + name + "\" in this scenario");
    Optional<Kind> otherKind = known.entrySet().stream().filter(e -> e.getValue().contains(name))
        .map(Map.Entry::getKey).findFirst();
    if (otherKind.isPresent()) {
      message.append(": \"").append(name).append("\" is a ").append(otherKind.get().singular)
          .append(", and this step needs a ").append(kind.singular);
    } else {
      nearest(name, known.getOrDefault(kind, java.util.List.of()))
          .ifPresent(near -> message.append("; did you mean \"").append(near).append("\"?"));
    }
    message.append(". Known ").append(kind.plural).append(": ").append(known.getOrDefault(kind, java.util.List.of()));
    String others = known.entrySet().stream().filter(e -> e.getKey() != kind && !e.getValue().isEmpty())
        .map(e -> e.getKey().plural + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    if (!others.isEmpty()) {
      message.append("; other endpoints: ").append(others);
    }
    message.append(". Create it first, e.g. ").append(String.format(kind.example, name, target));
    return new HarnessException(message.toString());
  }

  /** The known name closest to {@code name}, if it is close enough to be a typo. */
  static Optional<String> nearest(String name, Collection<String> candidates) {
    int allowed = Math.max(2, name.length() / 3);
    return candidates.stream()
        .filter(c -> editDistance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT)) <= allowed)
        .min(Comparator.comparingInt(c -> editDistance(name, c)));
  }

  /** Levenshtein distance. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
