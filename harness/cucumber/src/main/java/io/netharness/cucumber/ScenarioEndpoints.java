package io.netharness.cucumber;

import io.netharness.Endpoint;
import io.netharness.HarnessException;
import io.netharness.HostPort;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints of one scenario by name — servers, clients, UDP peers, proxies, relays — one name each. A name
 * that is not there, or is another kind, fails with what there is and the step that makes one.
 */
final class ScenarioEndpoints {
  private final Map<String, Endpoint> byName = new LinkedHashMap<>();

  <T extends Endpoint> T add(String name, T endpoint) {
    if (byName.containsKey(name)) {
      throw new HarnessException("the name \"" + name + "\" is already used in this scenario: give each endpoint its own name");
    }
    byName.put(name, endpoint);
    return endpoint;
  }

  /** The endpoint of that kind and name, or a message naming the nearest names and the step that creates one. */
  <T extends Endpoint> T get(UnknownName.Kind kind, String name) {
    Endpoint endpoint = byName.get(name);
    if (!kind.type.isInstance(endpoint)) {
      throw unknown(kind, name);
    }
    @SuppressWarnings("unchecked") // the kind's type was checked
    T typed = (T) endpoint;
    return typed;
  }

  boolean has(UnknownName.Kind kind, String name) {
    return kind.type.isInstance(byName.get(name));
  }

  /** The endpoints of one kind, in the order they were added. */
  <T extends Endpoint> Map<String, T> all(UnknownName.Kind kind) {
    Map<String, T> all = new LinkedHashMap<>();
    byName.forEach((name, endpoint) -> {
      if (kind.type.isInstance(endpoint)) {
        @SuppressWarnings("unchecked") // the kind's type was checked
        T typed = (T) endpoint;
        all.put(name, typed);
      }
    });
    return all;
  }

  /**
   * Where a client or peer should send: a server, peer, proxy or relay of this scenario, or a literal
   * {@code host:port} such as {@code 127.0.0.1:7000} or {@code [::1]:7000}.
   */
  InetSocketAddress addressOf(String nameOrAddress) {
    Endpoint endpoint = byName.get(nameOrAddress);
    if (endpoint != null && UnknownName.Kind.of(endpoint) != UnknownName.Kind.CLIENT) {
      return endpoint.address();
    }
    if (nameOrAddress.matches(".*:\\d+$")) {
      return HostPort.parse(nameOrAddress);
    }
    Map<UnknownName.Kind, Collection<String>> known = known();
    List<String> targets = new ArrayList<>();
    known.forEach((kind, names) -> {
      if (kind != UnknownName.Kind.CLIENT) {
        targets.addAll(names);
      }
    });
    String near = UnknownName.nearest(nameOrAddress, targets).map(n -> "; did you mean \"" + n + "\"?").orElse("");
    String isClient = endpoint != null
        ? "; \"" + nameOrAddress + "\" is a TCP client, which nothing can connect or send to" : "";
    throw new HarnessException("\"" + nameOrAddress + "\" is neither an endpoint of this scenario nor a host:port such as"
        + " 127.0.0.1:7000" + (isClient.isEmpty() ? near : isClient) + ". Known: servers " + known.get(UnknownName.Kind.SERVER)
        + ", UDP peers " + known.get(UnknownName.Kind.PEER) + ", proxies " + known.get(UnknownName.Kind.PROXY)
        + ", UDP relays " + known.get(UnknownName.Kind.RELAY));
  }

  /** Closes every endpoint, clients first and servers last; every failure is kept. */
  void closeAll(List<RuntimeException> problems) {
    for (UnknownName.Kind kind : List.of(UnknownName.Kind.CLIENT, UnknownName.Kind.PEER, UnknownName.Kind.RELAY,
        UnknownName.Kind.PROXY, UnknownName.Kind.SERVER)) {
      for (Endpoint endpoint : all(kind).values()) {
        try {
          endpoint.close();
        } catch (RuntimeException e) {
          problems.add(new RuntimeException("closing " + endpoint + " failed", e));
        }
      }
    }
    byName.clear();
  }

  private Map<UnknownName.Kind, Collection<String>> known() {
    Map<UnknownName.Kind, Collection<String>> known = new EnumMap<>(UnknownName.Kind.class);
    for (UnknownName.Kind kind : UnknownName.Kind.values()) {
      known.put(kind, all(kind).keySet());
    }
    return known;
  }

  private HarnessException unknown(UnknownName.Kind kind, String name) {
    Map<UnknownName.Kind, Collection<String>> known = known();
    Collection<String> targets = known.get(kind == UnknownName.Kind.RELAY ? UnknownName.Kind.PEER : UnknownName.Kind.SERVER);
    String target = targets.stream().findFirst().orElse(kind == UnknownName.Kind.RELAY ? "peer" : "srv");
    return UnknownName.of(kind, name, known, target);
  }
}
