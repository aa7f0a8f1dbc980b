package io.netharness.proxy.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.netharness.internal.Transports;
import io.netty.util.concurrent.EventExecutor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, defect 4: the admin API does not share event loops with the data path. Even with every
 * data-path event loop busy (here: blocked outright), {@code /version} and the proxy list answer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlPathTest {
  private final AdminServer admin = AdminServer.builder().port(0).build().start();
  private final Http http = new Http(admin);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void closeAll() {
    release.countDown();
    admin.close();
  }

  @Test
  void theApiAnswersWhileEveryDataPathEventLoopIsBusy() throws Exception {
    assertThat(http.send("GET", "/version", null).statusCode()).isEqualTo(200); // connected once before
    List<CountDownLatch> busy = new ArrayList<>();
    for (EventExecutor loop : Transports.group()) {
      CountDownLatch started = new CountDownLatch(1);
      busy.add(started);
      loop.execute(() -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    for (CountDownLatch started : busy) {
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }
    HttpResponse<String> version = http.send("GET", "/version", null, Duration.ofSeconds(5));
    assertThat(version.statusCode()).isEqualTo(200);
    assertThat(http.send("GET", "/proxies", null, Duration.ofSeconds(5)).body()).isEqualTo("{}");
  }
}
