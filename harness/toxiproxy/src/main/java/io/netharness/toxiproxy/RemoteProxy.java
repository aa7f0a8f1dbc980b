package io.netharness.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import io.netharness.HarnessException;
import io.netharness.proxy.Direction;
import io.netharness.proxy.ProxyControl;
import io.netharness.proxy.Toxic;
import io.netharness.proxy.ToxicHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One proxy on a Toxiproxy server, driven through toxiproxy-java. */
final class RemoteProxy implements ProxyControl {
  private final ToxiproxyBackend backend;
  private final Proxy proxy;
  private final InetSocketAddress address;
  private final String listen;
  private final Map<String, eu.rekawek.toxiproxy.model.Toxic> toxics = new ConcurrentHashMap<>();
  private boolean closed;

  RemoteProxy(ToxiproxyBackend backend, Proxy proxy, InetSocketAddress address, String listen) {
    this.backend = backend;
    this.proxy = proxy;
    this.address = address;
    this.listen = listen;
  }

  @Override
  public String name() {
    return proxy.getName();
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  /** The listen address the server reports, e.g. {@code 127.0.0.1:40865}. */
  String listen() {
    return listen;
  }

  @Override
  public ToxicHandle add(String toxicName, Direction direction, double toxicity, Toxic toxic) {
    WireToxic wire = WireToxic.of(toxic);
    call("add " + toxic.type() + " toxic \"" + toxicName + "\" " + direction.wireName() + " to", () -> {
      eu.rekawek.toxiproxy.model.Toxic created = wire.create(proxy.toxics(), toxicName, WireToxic.direction(direction));
      toxics.put(toxicName, created);
      if (toxicity != 1.0) {
        created.setToxicity((float) toxicity);
      }
    });
    return new ToxicHandle(this, toxicName);
  }

  @Override
  public void update(String toxicName, Toxic toxic, double toxicity) {
    WireToxic wire = WireToxic.of(toxic);
    call("update toxic \"" + toxicName + "\" of", () -> {
      eu.rekawek.toxiproxy.model.Toxic existing = existing(toxicName);
      wire.update(existing);
      existing.setToxicity((float) toxicity);
    });
  }

  @Override
  public void remove(String toxicName) {
    call("remove toxic \"" + toxicName + "\" from", () -> {
      existing(toxicName).remove();
      toxics.remove(toxicName);
    });
  }

  @Override
  public void removeAll() {
    call("remove the toxics of", () -> {
      for (eu.rekawek.toxiproxy.model.Toxic toxic : proxy.toxics().getAll()) {
        toxic.remove();
      }
      toxics.clear();
    });
  }

  @Override
  public void enable() {
    call("enable", proxy::enable);
  }

  @Override
  public void disable() {
    call("disable", proxy::disable);
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
      call("delete", proxy::delete);
    } catch (HarnessException e) {
      if (!e.getMessage().contains("[404]")) {
        throw e;
      }
    } finally {
      backend.forget(this);
    }
  }

  @Override
  public String toString() {
    return "proxy " + name() + " " + address.getHostString() + ":" + address.getPort() + " -> " + proxy.getUpstream()
        + " on " + backend.describe();
  }

  private eu.rekawek.toxiproxy.model.Toxic existing(String toxicName) throws IOException {
    eu.rekawek.toxiproxy.model.Toxic known = toxics.get(toxicName);
    return known != null ? known : proxy.toxics().get(toxicName);
  }

  private void call(String action, IoAction body) {
    try {
      body.run();
    } catch (IOException e) {
      throw new HarnessException("could not " + action + " proxy \"" + name() + "\" on " + backend.describe()
          + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }
}
