package io.netharness.toxiproxy;

import io.netharness.HarnessException;
import io.netharness.proxy.Direction;
import io.netharness.proxy.ProxyControl;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicHandle;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** One proxy on a Toxiproxy server, driven through {@link ToxiproxyApi}. */
final class RemoteProxy implements ProxyControl {
  private final ToxiproxyBackend backend;
  private final ToxiproxyApi api;
  private final ProxyInfo created;
  private final InetSocketAddress address;
  private final String listen;
  /** toxic name → type, for the toxics added through this object. */
  private final Map<String, String> types = new ConcurrentHashMap<>();
  private boolean closed;

  RemoteProxy(ToxiproxyBackend backend, ToxiproxyApi api, ProxyInfo created, InetSocketAddress address, String listen) {
    this.backend = backend;
    this.api = api;
    this.created = created;
    this.address = address;
    this.listen = listen;
  }

  @Override
  public String name() {
    return created.name();
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  /** The listen address this backend asked for, e.g. {@code 127.0.0.1:0} or {@code 0.0.0.0:8666}. */
  String listen() {
    return listen;
  }

  @Override
  public ToxicHandle add(String toxicName, Direction direction, double toxicity, Toxic toxic) {
    WireToxic wire = WireToxic.of(toxic);
    call("add " + wire.type() + " toxic \"" + toxicName + "\" " + direction.wireName() + " to",
        () -> api.addToxic(name(), toxicName, wire.type(), direction.wireName(), toxicity, wire.attributes()));
    types.put(toxicName, wire.type());
    return new ToxicHandle(this, toxicName);
  }

  @Override
  public void update(String toxicName, Toxic toxic, double toxicity) {
    WireToxic wire = WireToxic.of(toxic);
    call("update toxic \"" + toxicName + "\" of", () -> {
      String existing = types.containsKey(toxicName) ? types.get(toxicName) : typeOnServer(toxicName);
      if (!existing.equals(wire.type())) {
        throw new HarnessException("toxic \"" + toxicName + "\" is a " + existing + " toxic and cannot be updated to "
            + wire.type() + "; remove it and add a new one instead");
      }
      return api.updateToxic(name(), toxicName, toxicity, wire.attributes());
    });
  }

  @Override
  public void remove(String toxicName) {
    call("remove toxic \"" + toxicName + "\" from", () -> {
      api.removeToxic(name(), toxicName);
      return types.remove(toxicName);
    });
  }

  @Override
  public void removeAll() {
    call("remove the toxics of", () -> {
      for (ToxicInfo toxic : api.toxics(name())) {
        api.removeToxic(name(), toxic.name());
      }
      types.clear();
      return null;
    });
  }

  @Override
  public void enable() {
    call("enable", () -> api.setEnabled(name(), true));
  }

  @Override
  public void disable() {
    call("disable", () -> api.setEnabled(name(), false));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      api.deleteProxy(name());
    } catch (ToxiproxyApiException e) {
      if (e.status() != 404) {   // already gone: what close() wants
        throw failed("delete", e);
      }
    } finally {
      backend.forget(this);
    }
  }

  @Override
  public String toString() {
    return "proxy " + name() + " " + address.getHostString() + ":" + address.getPort() + " -> " + created.upstream()
        + " on " + backend.describe();
  }

  private String typeOnServer(String toxicName) {
    return api.toxics(name()).stream().filter(t -> t.name().equals(toxicName)).findFirst()
        .map(ToxicInfo::type)
        .orElseThrow(() -> new HarnessException("could not update toxic \"" + toxicName + "\" of proxy \"" + name()
            + "\" on " + backend.describe() + ": the proxy has no such toxic"));
  }

  private void call(String action, Supplier<?> body) {
    try {
      body.get();
    } catch (ToxiproxyApiException e) {
      throw failed(action, e);
    }
  }

  private HarnessException failed(String action, ToxiproxyApiException e) {
    return new HarnessException("could not " + action + " proxy \"" + name() + "\" on " + backend.describe() + ": "
        + e.getMessage(), e);
  }
}
