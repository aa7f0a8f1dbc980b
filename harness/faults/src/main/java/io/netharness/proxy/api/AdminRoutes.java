package io.netharness.proxy.api;

/** Toxiproxy 2.12.0's route table (api.go {@code Routes}), one line per endpoint. */
final class AdminRoutes {
  private AdminRoutes() {}

  static Routes of(ProxyRegistry registry) {
    ProxyHandlers proxies = new ProxyHandlers(registry);
    ToxicHandlers toxics = new ToxicHandlers(registry);
    return new Routes()
        .add("POST", "/reset", proxies::reset)
        .add("GET", "/proxies", proxies::index)
        .add("POST", "/proxies", proxies::create)
        .add("POST", "/populate", proxies::populate)
        .add("GET", "/proxies/{proxy}", proxies::show)
        .add("POST,PATCH", "/proxies/{proxy}", proxies::update)
        .add("DELETE", "/proxies/{proxy}", proxies::delete)
        .add("GET", "/proxies/{proxy}/toxics", toxics::index)
        .add("POST", "/proxies/{proxy}/toxics", toxics::create)
        .add("GET", "/proxies/{proxy}/toxics/{toxic}", toxics::show)
        .add("POST,PATCH", "/proxies/{proxy}/toxics/{toxic}", toxics::update)
        .add("DELETE", "/proxies/{proxy}/toxics/{toxic}", toxics::delete)
        .add("GET", "/version", proxies::version);
  }
}
