package io.netharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.Slf4JLoggerFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, defect 1: the command has a real logging backend. Netty then logs through slf4j-simple
 * (warnings to stderr, no timestamp), not through java.util.logging, whose formatter needed time-zone
 * data it could not open once descriptors ran out, and whose Error killed the event loop that logged.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoggingSetupTest {

  @Test
  void nettyLogsThroughSlf4jAtWarningLevel() {
    assertThat(InternalLoggerFactory.getDefaultFactory()).isInstanceOf(Slf4JLoggerFactory.class);
    assertThat(LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").isWarnEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("org.testcontainers.DockerClientFactory").isInfoEnabled()).isFalse();
  }
}
