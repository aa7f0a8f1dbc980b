package io.netharness.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netharness.proxy.api.AdminServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded Toxiproxy API on loopback. */
@Timeout(30)
class PopulateFileTest {
  @TempDir Path dir;
  private final AdminServer api = AdminServer.builder().port(0).build().start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void createsTheProxiesThenTheirToxics() throws Exception {
    Path file = write("""
        [{"name": "db", "listen": "127.0.0.1:0", "upstream": "127.0.0.1:5432",
          "toxics": [{"type": "latency", "attributes": {"latency": 200}}]},
         {"name": "cache", "listen": "127.0.0.1:0", "upstream": "127.0.0.1:6379"}]
        """);

    assertThat(new PopulateFile(file).applyTo(api.url()))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).matches("db: 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:5432"))
        .anySatisfy(line -> assertThat(line).matches("cache: 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:6379"))
        .contains("db: toxic latency_downstream {\"latency\":200,\"jitter\":0}");
  }

  @Test
  void notJsonSaysWhereItBroke() throws Exception {
    Path file = write("[{\"name\": \"db\",\n  oops}]");
    assertThatThrownBy(() -> new PopulateFile(file).applyTo(api.url()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Bad netharness:proxy-start configuration: <config> " + file + " is not valid JSON")
        .hasMessageContaining("at line 2");
  }

  @Test
  void anObjectInsteadOfAnArrayShowsTheShape() throws Exception {
    Path file = write("{\"name\": \"db\"}");
    assertThatThrownBy(() -> new PopulateFile(file).applyTo(api.url()))
        .hasMessageContaining("must hold a JSON array of proxies, like [{\"name\":\"db\"");
  }

  @Test
  void theApisOwnComplaintIsPassedOn() throws Exception {
    Path file = write("[{\"name\": \"db\", \"listen\": \"127.0.0.1:0\"}]");
    assertThatThrownBy(() -> new PopulateFile(file).applyTo(api.url()))
        .hasMessageContaining("/populate was refused (HTTP 400)");
  }

  private Path write(String json) throws Exception {
    Path file = dir.resolve("toxiproxy.json");
    Files.writeString(file, json);
    return file;
  }
}
