package io.netharness.cli;

import static io.netharness.cli.ExploreRun.csv;
import static io.netharness.cli.ExploreRun.explore;
import static io.netharness.cli.ExploreRun.headlineSeries;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One small run of each sweep beyond loss and latency, and of the file workload, checking what must hold. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExploreSweepsTest {
  @TempDir Path dir;

  @Test
  void bandwidthSlowsBothProtocolsAndTcpStillDeliversEverything() throws Exception {
    ExploreRun run = explore("--sweep", "bandwidth", "--from", "8", "--to", "64", "--steps", "2", "--messages", "20",
        "--message-bytes", "100", "--out", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    List<Map<String, String>> rows = csv(dir);
    assertThat(rows).extracting(r -> r.get("value") + " " + r.get("protocol"))
        .containsExactly("8.0 TCP", "8.0 UDP", "64.0 TCP", "64.0 UDP");
    assertThat(rows).filteredOn(r -> r.get("protocol").equals("TCP"))
        .allSatisfy(r -> assertThat(r.get("delivered_percent")).isEqualTo("100.0"));
    // 20 messages of 100 B at 8 KB/s: the last leaves at least 19 x 12.5 ms after the first
    assertThat(rows).filteredOn(r -> r.get("value").equals("8.0"))
        .allSatisfy(r -> assertThat(Double.parseDouble(r.get("completion_ms"))).as(r.get("protocol"))
            .isGreaterThanOrEqualTo(237.5));
    JsonNode parameters = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("parameters");
    assertThat(parameters.get("scale").asText()).isEqualTo("log");
    assertThat(parameters.get("message_bytes").asInt()).isEqualTo(100);
    assertThat(parameters.get("command").asText()).contains("--scale log --workload messages --messages 20 "
        + "--message-bytes 100");
  }

  @Test
  void slicerRunsOnlyTcpAndEveryMessageArrivesIntactInOneByteSlices() throws Exception {
    ExploreRun run = explore("--sweep", "slicer", "--from", "1", "--to", "16", "--steps", "2", "--messages", "20",
        "--message-bytes", "64", "--out", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    List<Map<String, String>> rows = csv(dir);
    assertThat(rows).extracting(r -> r.get("value") + " " + r.get("protocol")).containsExactly("1.0 TCP", "16.0 TCP");
    assertThat(rows.get(0)).containsEntry("delivered", "20").containsEntry("intact", "true");
    assertThat(headlineSeries(dir)).containsExactly("TCP", "TCP");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<svg id=\"chart-delivery\"").contains("<svg id=\"chart-completion\"")
        .contains("UDP is absent: a datagram is never sliced");
    assertThat(run.err()).contains("(slicer 1) ... TCP 100.0%").doesNotContain("UDP");
  }

  @Test
  void duplicateRunsOnlyUdpAndCopiesAppearOnlyAboveZero() throws Exception {
    ExploreRun run = explore("--sweep", "duplicate", "--from", "0", "--to", "0.5", "--steps", "2", "--messages", "40",
        "--seed", "42", "--out", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    List<Map<String, String>> rows = csv(dir);
    assertThat(rows).extracting(r -> r.get("value") + " " + r.get("protocol")).containsExactly("0.0 UDP", "0.5 UDP");
    assertThat(rows.get(0)).containsEntry("duplicates", "0").containsEntry("delivered", "40");
    assertThat(Integer.parseInt(rows.get(1).get("duplicates"))).isBetween(10, 30);
    assertThat(rows.get(1)).containsEntry("delivered", "40").containsEntry("intact", "true");
    assertThat(headlineSeries(dir)).containsExactly("UDP", "UDP");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("TCP is absent: TCP never hands the application a duplicate");
  }

  @Test
  void reorderMakesUdpMessagesArriveOutOfOrderWithoutLosingAny() {
    ExploreRun run = explore("--sweep", "reorder", "--from", "0", "--to", "0.5", "--steps", "2", "--messages", "40",
        "--out", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    List<Map<String, String>> rows = csv(dir);
    assertThat(rows).extracting(r -> r.get("value") + " " + r.get("protocol")).containsExactly("0.0 UDP", "0.5 UDP");
    assertThat(rows.get(0)).containsEntry("out_of_order", "0");
    assertThat(Integer.parseInt(rows.get(1).get("out_of_order"))).isPositive();
    assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("delivered", "40"));
  }

  @Test
  void aFileStaysIntactOverTcpAtLossButNotOverUdp() throws Exception {
    ExploreRun run = explore("--sweep", "loss", "--from", "0", "--to", "0.2", "--steps", "2", "--workload", "file",
        "--file-size", "64KiB", "--seed", "42", "--out", dir.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    List<Map<String, String>> rows = csv(dir);
    assertThat(rows).extracting(r -> r.get("value") + " " + r.get("protocol") + " " + r.get("intact"))
        .containsExactly("0.0 TCP true", "0.0 UDP true", "0.2 TCP true", "0.2 UDP false");
    assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("sent", "64"));
    assertThat(Integer.parseInt(rows.get(3).get("delivered"))).isLessThan(64);
    assertThat(run.err()).contains("(loss 0.2) ... TCP 100.0% in").contains("(not intact)");
    JsonNode parameters = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("parameters");
    assertThat(parameters.get("workload").asText()).isEqualTo("file");
    assertThat(parameters.get("file_bytes").asLong()).isEqualTo(65_536);
    assertThat(parameters.get("chunk_bytes").asInt()).isEqualTo(1024);
    assertThat(parameters.get("command").asText()).contains("--workload file --file-size 64KiB --seed 42");
  }
}
