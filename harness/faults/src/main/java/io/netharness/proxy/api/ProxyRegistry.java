package io.netharness.proxy.api;

import io.netharness.HostPort;
import io.netharness.faults.internal.Loops;
import io.netharness.proxy.FaultProxy;
import io.netharness.proxy.ToxicAttachment;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The proxies an {@link AdminServer} manages, by name (listed in name order, as Toxiproxy does).
 * Thread-safe; closing it closes every proxy.
 *
 * <pre>{@code
 * try (ProxyRegistry registry = new ProxyRegistry()) {
 *   FaultProxy db = registry.create(ProxySpec.of("db", "127.0.0.1:0", "127.0.0.1:5432"));
 *   registry.reset();                       // every proxy enabled, no toxics
 * }
 * }</pre>
 */
public final class ProxyRegistry implements AutoCloseable {
  private final Map<String, Entry> proxies = new TreeMap<>();
  private final @Nullable Long seed;
  private boolean closed;

  /** One proxy and what clients wrote for its toxics. */
  record Entry(FaultProxy proxy, ToxicSpellings spellings) {}

  /** Proxies get random seeds. */
  public ProxyRegistry() {
    this.seed = null;
  }

  /** Each proxy's seed is derived from this seed and its name, so runs replay. */
  public ProxyRegistry(long seed) {
    this.seed = seed;
  }

  /** Creates and (if enabled) starts a proxy: 409 if the name is taken, 500 if it cannot listen. */
  public synchronized FaultProxy create(ProxySpec spec) {
    requireOpen();
    if (proxies.containsKey(spec.name())) {
      throw new ApiException(409, "proxy already exists");
    }
    FaultProxy proxy = start(spec);
    proxies.put(spec.name(), new Entry(proxy, new ToxicSpellings()));
    return proxy;
  }

  public synchronized Optional<FaultProxy> get(String name) {
    Entry e = proxies.get(name);
    return e == null ? Optional.empty() : Optional.of(e.proxy());
  }

  /** Every proxy, in name order. */
  public synchronized List<FaultProxy> proxies() {
    return proxies.values().stream().map(Entry::proxy).toList();
  }

  /** Closes and forgets a proxy; false if there was none by that name. */
  public boolean delete(String name) {
    Entry removed;
    synchronized (this) {
      removed = proxies.remove(name);
    }
    if (removed == null) {
      return false;
    }
    removed.proxy().close();
    return true;
  }

  /**
   * Changes a proxy as Toxiproxy's update does: a new listen (compared after resolving, so
   * {@code localhost:P} equals {@code 127.0.0.1:P}) or upstream restarts it, dropping its
   * connections; otherwise only {@code enabled} is applied.
   */
  public FaultProxy update(String name, String listen, String upstream, boolean enabled) {
    Entry entry = entry(name);
    FaultProxy proxy = entry.proxy();
    if (!listen.isEmpty()) {
      try {
        HostPort.parse(listen);
      } catch (RuntimeException e) {
        throw new ApiException(500, "listen tcp " + listen + ": " + Responses.message(e), e); // 500, as Toxiproxy
      }
    }
    requireNoLoop(name, listen.isEmpty() || sameListen(proxy, listen) ? proxy.listen() : listen, upstream);
    synchronized (entry) {
      boolean moved = !sameListen(proxy, listen);
      if (moved || !upstream.equals(proxy.upstream())) {
        proxy.disable();
        if (moved) {
          proxy.listen(listen.isEmpty() ? "127.0.0.1:0" : listen);
        }
        proxy.upstream(upstream);
      }
      if (enabled && !proxy.isEnabled()) {
        enableOrExplain(proxy, listen);
      } else if (!enabled && proxy.isEnabled()) {
        proxy.disable();
      }
    }
    return proxy;
  }

  /**
   * Adds a toxic to a proxy from a JSON body in the API's format, with the API's checks: what
   * {@code POST /proxies/{name}/toxics} does, without HTTP.
   *
   * <pre>{@code
   * registry.addToxic("db", "{\"type\":\"latency\",\"attributes\":{\"latency\":200}}");
   * }</pre>
   *
   * @throws ApiException with the status and message the API would answer
   */
  public ToxicAttachment addToxic(String proxyName, String json) {
    return new ToxicHandlers(this).add(entry(proxyName), json.getBytes(StandardCharsets.UTF_8));
  }

  /** Toxiproxy's reset: every proxy enabled and without toxics; proxies are kept. */
  public void reset() {
    for (Entry e : entries()) {
      synchronized (e) {
        if (!e.proxy().isEnabled()) {
          enableOrExplain(e.proxy(), e.proxy().listen());
        }
        e.proxy().removeAll();
        e.spellings().clear();
      }
    }
  }

  /**
   * Creates or replaces proxies in order (Toxiproxy's AddOrReplace): a proxy with the same name,
   * listen (resolved) and upstream is kept untouched, toxics and all; otherwise the old one is
   * stopped and replaced. Not atomic: a failure throws {@link PopulateException} with the
   * proxies done so far, and the rest are not attempted.
   */
  public synchronized List<FaultProxy> populate(List<ProxySpec> specs) {
    requireOpen();
    List<FaultProxy> done = new ArrayList<>();
    for (ProxySpec spec : specs) {
      try {
        done.add(addOrReplace(spec));
      } catch (ApiException e) {
        throw new PopulateException(e, done);
      } catch (RuntimeException e) {
        throw new PopulateException(new ApiException(500, Responses.message(e), e), done);
      }
    }
    return done;
  }

  @Override
  public void close() {
    List<Entry> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = List.copyOf(proxies.values());
      proxies.clear();
    }
    all.forEach(e -> e.proxy().close());
  }

  // ---- package-private, for the handlers -----------------------------------------------------

  synchronized Entry entry(String name) {
    Entry e = proxies.get(name);
    if (e == null) {
      throw ApiException.proxyNotFound();
    }
    return e;
  }

  /** The entry holding this very proxy, or a bare one if it was deleted or replaced meanwhile. */
  synchronized Entry entryOf(FaultProxy proxy) {
    Entry e = proxies.get(proxy.name());
    return e != null && e.proxy() == proxy ? e : new Entry(proxy, new ToxicSpellings());
  }

  synchronized List<Entry> entries() {
    return List.copyOf(proxies.values());
  }

  // ---- internals -------------------------------------------------------------------------------

  private FaultProxy addOrReplace(ProxySpec spec) {
    Entry existing = proxies.get(spec.name());
    if (existing != null) {
      if (sameListen(existing.proxy(), spec.listen()) && existing.proxy().upstream().equals(spec.upstream())) {
        return existing.proxy();
      }
      if (sameListen(existing.proxy(), spec.listen())) {
        proxies.remove(spec.name()); // the new one takes its port, which a proxy that is down keeps bound
        existing.proxy().close();
        existing = null;
      } else {
        existing.proxy().disable();
      }
    }
    FaultProxy proxy = start(spec);
    proxies.put(spec.name(), new Entry(proxy, new ToxicSpellings()));
    if (existing != null) {
      existing.proxy().close();
    }
    return proxy;
  }

  /**
   * 400 for a proxy whose upstream leads back to its own listen address, directly or through other proxies of this
   * registry (a → b → a): it would accept its own connections without end, one socket pair per round.
   */
  private void requireNoLoop(String name, String listen, String upstream) {
    InetSocketAddress own;
    try {
      own = HostPort.parse(listen);
    } catch (RuntimeException unparsable) {
      return; // not comparable here; the proxy itself refuses or cuts a loop it finds later
    }
    if (Loops.pointsAt(upstream, own)) {
      throw new ApiException(400, "proxy " + name + ": upstream " + upstream + " is the proxy's own listen address "
          + listen + "; every connection would loop back into it");
    }
    List<String> path = new ArrayList<>();
    String next = upstream;
    for (Entry via = listeningAt(next, name); via != null && !path.contains(via.proxy().name());
        via = listeningAt(next, name)) {
      path.add(via.proxy().name());
      next = via.proxy().upstream();
      if (Loops.pointsAt(next, own)) {
        throw new ApiException(400, "proxy " + name + ": upstream " + upstream + " leads through proxy "
            + String.join(" and proxy ", path) + " back to " + listen + ", the proxy's own listen address; every"
            + " connection would loop between them");
      }
    }
  }

  /** The proxy (other than {@code except}) whose listener a connection to {@code hostPort} would reach. */
  private synchronized @Nullable Entry listeningAt(String hostPort, String except) {
    for (Entry e : proxies.values()) {
      if (!e.proxy().name().equals(except) && e.proxy().isRunning()) {
        try {
          if (Loops.pointsAt(hostPort, HostPort.parse(e.proxy().listen()))) {
            return e;
          }
        } catch (RuntimeException unparsable) {
          // a listen address we cannot compare: not part of a loop we can prove
        }
      }
    }
    return null;
  }

  private FaultProxy start(ProxySpec spec) {
    requireNoLoop(spec.name(), spec.bindAddress(), spec.upstream());
    FaultProxy.Builder builder = FaultProxy.builder().name(spec.name()).upstream(spec.upstream()).enabled(spec.enabled());
    if (seed != null) {
      builder.seed(seed ^ ((long) spec.name().hashCode() << 32 | (spec.name().length() & 0xffffffffL)));
    }
    FaultProxy proxy;
    try {
      proxy = builder.listen(spec.bindAddress()).build();
    } catch (RuntimeException e) {
      throw new ApiException(500, "listen tcp " + spec.bindAddress() + ": " + Responses.message(e), e); // 500, as Toxiproxy
    }
    try {
      proxy.start();
    } catch (RuntimeException e) {
      proxy.close();
      throw listenFailure(spec.bindAddress(), e);
    }
    try {
      requireNoLoop(spec.name(), proxy.listen(), spec.upstream()); // the port is known now
    } catch (ApiException loop) {
      proxy.close();
      throw loop;
    }
    return proxy;
  }

  private static void enableOrExplain(FaultProxy proxy, String listen) {
    try {
      proxy.enable();
    } catch (RuntimeException e) {
      throw listenFailure(listen, e);
    }
  }

  /** Toxiproxy's Differs: the requested listen, resolved, against the address in use. */
  private static boolean sameListen(FaultProxy proxy, String listen) {
    try {
      InetSocketAddress wanted = HostPort.parse(listen.isEmpty() ? "127.0.0.1:0" : listen);
      return wanted.getPort() != 0 && HostPort.format(wanted).equals(proxy.listen());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** 500 with Go's wording for a port in use, an unknown host or a foreign address, as clients match on it; else our message. */
  static ApiException listenFailure(String listen, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("unresolved address") || t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        int colon = listen.lastIndexOf(':');
        String host = colon > 0 ? listen.substring(0, colon) : listen;
        return new ApiException(500, "listen tcp " + listen + ": lookup " + host + ": no such host", e);
      }
      if (m.contains("cannot assign requested address")) {
        return new ApiException(500, "listen tcp " + listen + ": bind: cannot assign requested address", e);
      }
      if (m.contains("address already in use") || (t instanceof BindException && !m.contains("permission"))) {
        String address = listen;
        try {
          address = HostPort.format(HostPort.parse(listen));
        } catch (RuntimeException keepAsWritten) {
          // report the address as the client wrote it
        }
        return new ApiException(500, "listen tcp " + address + ": bind: address already in use", e);
      }
    }
    return new ApiException(500, Responses.message(e), e);
  }

  private void requireOpen() {
    if (closed) {
      throw new ApiException(500, "the proxy registry is closed");
    }
  }
}
