package io.netharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP senders bind one address, never the wildcard: nothing listens on every interface unless named. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SourceAddressTest {

  @Test
  void aLoopbackTargetIsSentToFromLoopback() {
    assertThat(HostPort.sourceFor(new InetSocketAddress("127.0.0.1", 9)))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 0));
    assertThat(HostPort.sourceFor(new InetSocketAddress("::1", 9)).getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void anotherTargetIsSentToFromTheRoutedAddressNotTheWildcard() throws Exception {
    Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .filter(i -> !isLoopback(i))
        .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof Inet4Address)
        .findFirst();
    assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address");

    InetSocketAddress source = HostPort.sourceFor(new InetSocketAddress(own.get(), 9));

    assertThat(source.getAddress().isAnyLocalAddress()).isFalse();
    assertThat(source.getAddress()).isEqualTo(own.get());
  }

  private static boolean isLoopback(NetworkInterface i) {
    try {
      return i.isLoopback() || !i.isUp();
    } catch (java.net.SocketException e) {
      return true;
    }
  }
}
