package io.netharness.cli;

import static io.netharness.cli.ExploreRun.explore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExploreCommandTest {
  private static final Pattern POLYLINE = Pattern.compile("<polyline[^>]*data-protocol=\"(\\w+)\"[^>]*points=\"([^\"]*)\"");

  @TempDir static Path dir;
  private static ExploreRun sweep;

  /** One small loss sweep, shared by the tests that read its reports: 3 points, 60 messages each. */
  @BeforeAll
  static void sweepLossOnce() {
    sweep = explore("--sweep", "loss", "--from", "0", "--to", "0.5", "--steps", "3", "--messages", "60",
        "--seed", "42", "--out", dir.resolve("loss").toString());
  }

  @Test
  void withoutSweepItRunsTheHeadlineLossSweepOverTcpAndUdp() {
    ExploreRun bare = explore("--steps", "2", "--messages", "20", "--report-dir", dir.resolve("bare").toString());

    assertThat(bare.code()).as(bare.err()).isZero();
    assertThat(bare.err()).contains("point 1 of 2 (loss 0)").contains("point 2 of 2 (loss 0.5)").contains("TCP").contains("UDP");
    assertThat(dir.resolve("bare").resolve("report.html")).isNotEmptyFile();
  }

  @Test
  void outIsAnAliasOfReportDir() {
    ExploreRun aliased = explore("--steps", "2", "--messages", "10", "--out", dir.resolve("aliased").toString());

    assertThat(aliased.code()).as(aliased.err()).isZero();
    assertThat(dir.resolve("aliased").resolve("report.csv")).isNotEmptyFile();
  }

  @Test
  void aSweepWritesTheHtmlCsvAndJsonReports() {
    assertThat(sweep.code()).isZero();
    for (String name : List.of("report.html", "report.csv", "report.json")) {
      assertThat(dir.resolve("loss").resolve(name)).isNotEmptyFile();
      assertThat(sweep.out()).contains(dir.resolve("loss").resolve(name).toString());
    }
  }

  @Test
  void progressShowsEachPointOnStderr() {
    assertThat(sweep.err()).contains("point 1 of 3 (loss 0)").contains("point 2 of 3 (loss 0.25)")
        .contains("point 3 of 3 (loss 0.5)");
  }

  @Test
  void theCsvHasOneRowPerPointPerProtocol() throws Exception {
    List<String[]> rows = csvRows();

    assertThat(rows).hasSize(6);
    assertThat(rows).extracting(r -> r[1] + " " + r[2])
        .containsExactly("0.0 TCP", "0.0 UDP", "0.25 TCP", "0.25 UDP", "0.5 TCP", "0.5 UDP");
  }

  @Test
  void tcpDeliversEveryMessageAtEveryLossRate() throws Exception {
    assertThat(csvRows()).filteredOn(r -> r[2].equals("TCP"))
        .allSatisfy(r -> assertThat(r[5]).as("delivered_percent at loss %s", r[1]).isEqualTo("100.0"));
  }

  @Test
  void udpLosesMessagesAtTheHighestLossRate() throws Exception {
    String[] last = csvRows().get(5);

    assertThat(last[1] + " " + last[2]).isEqualTo("0.5 UDP");
    assertThat(Double.parseDouble(last[5])).isLessThan(100.0);
    assertThat(Integer.parseInt(last[4])).isLessThan(60);
  }

  @Test
  void theJsonHoldsTheSameNumbersAndEveryParameter() throws Exception {
    JsonNode json = new ObjectMapper().readTree(dir.resolve("loss/report.json").toFile());
    List<String[]> rows = csvRows();

    assertThat(json.at("/parameters/seed").asLong()).isEqualTo(42);
    assertThat(json.at("/parameters/sweep").asText()).isEqualTo("loss");
    assertThat(json.at("/parameters/messages").asInt()).isEqualTo(60);
    assertThat(json.at("/parameters/command").asText()).contains("--seed 42");
    assertThat(json.get("points")).hasSize(6);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(json.get("points").get(i).get("delivered").asText()).isEqualTo(rows.get(i)[4]);
      assertThat(json.get("points").get(i).get("completion_ms").asText()).isEqualTo(rows.get(i)[8]);
    }
  }

  @Test
  void theHeadlineChartsHaveATcpAndAUdpLineWithAPointPerStep() throws Exception {
    String html = Files.readString(dir.resolve("loss/report.html"));
    String headline = html.substring(html.indexOf("id=\"headline\""), html.indexOf("</div>", html.indexOf("id=\"headline\"")));

    Matcher m = POLYLINE.matcher(headline);
    List<String> protocols = new ArrayList<>();
    while (m.find()) {
      protocols.add(m.group(1));
      assertThat(m.group(2).trim().split(" ")).hasSize(3).allMatch(p -> p.matches("\\d+\\.\\d,\\d+\\.\\d"));
    }
    assertThat(protocols).containsExactly("TCP", "UDP", "TCP", "UDP");
    assertThat(headline).contains("Delivered % vs loss probability").contains("Completion time vs loss probability");
  }

  @Test
  void theReportIsSelfContainedAndStatesTheSeed() throws Exception {
    String html = Files.readString(dir.resolve("loss/report.html"));

    assertThat(html).doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://")
        .doesNotContain("<link");
    assertThat(html).contains("seed <b>42</b>").contains("netharness explore --sweep loss --from 0 --to 0.5 --steps 3");
  }

  @Test
  void aLatencySweepDelaysBothProtocols() throws Exception {
    ExploreRun r = explore("--sweep", "latency", "--from", "0", "--to", "40", "--steps", "2", "--messages", "20",
        "--out", dir.resolve("latency").toString());

    assertThat(r.code()).isZero();
    List<String[]> rows = Files.readAllLines(dir.resolve("latency/report.csv")).stream().skip(1)
        .map(l -> l.split(",")).toList();
    assertThat(rows).filteredOn(row -> row[1].equals("40.0"))
        .allSatisfy(row -> assertThat(Double.parseDouble(row[9])).as("p50 of %s", row[2]).isGreaterThanOrEqualTo(40));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--sweep bogus                     | --sweep must be one of loss, latency, bandwidth, slicer, duplicate, reorder, not 'bogus'",
      "--sweep loss --from 0.4 --to 0.1  | --from (0.4) must not be greater than --to (0.1)",
      "--sweep loss --steps 1            | --steps must be at least 2, not 1",
      "--sweep loss --from abc           | Invalid value for option '--from': 'abc'",
      "--sweep loss --messages ten       | Invalid value for option '--messages': 'ten'",
      "--sweep loss --to 2               | --to for --sweep loss must be 0-1, not 2",
      "--sweep loss --scale cubic        | --scale must be linear or log, not 'cubic'",
      "--sweep duplicate --scale log     | --scale log needs --from above 0, not 0: start at e.g. 0.01, or use --scale linear",
      "--sweep bandwidth --from 0        | --from for --sweep bandwidth must be 1-1000000 KB/s, not 0",
      "--sweep slicer --to 2000000       | --to for --sweep slicer must be 1-1048576 bytes, not 2000000",
      "--sweep duplicate --to 1.5        | --to for --sweep duplicate must be 0-1, not 1.5",
      "--sweep reorder --from -0.1       | --from for --sweep reorder must be 0-1, not -0.1",
      "--sweep loss --workload stream    | --workload must be messages or file, not 'stream'",
      "--sweep loss --message-bytes 10   | --message-bytes must be 11-8192 (a numbered message takes 11), not 10",
      "--sweep loss --message-bytes 9000 | --message-bytes must be 11-8192 (a numbered message takes 11), not 9000",
      "--sweep loss --file-size 1MiB     | --workload messages has no --file-size; add --workload file to send a file",
      "--sweep loss --workload file --file-size 0      | --file-size must be 1 B-64 MiB, not 0",
      "--sweep loss --workload file --file-size -1MiB  | --file-size must be 1 B-64 MiB, not -1MiB",
      "--sweep loss --workload file --file-size 65MiB  | --file-size must be 1 B-64 MiB, not 65MiB",
      "--sweep loss --workload file --file-size lots   | --file-size must be a size such as 64KiB, 1MiB, 64KB or 4096, not 'lots'",
      "--sweep loss --workload file --message-bytes 64 | --workload file has no --message-bytes; use --file-size",
      "--sweep loss --workload file --messages 10      | --workload file has no --messages; use --file-size",
      "--sweep loss --workload file --interval 5ms     | --workload file sends its chunks back to back and has no --interval; drop it"})
  void badOptionsExitWithTwoAndNameTheOption(String args, String message) {
    ExploreRun r = explore(args.trim().split("\\s+"));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("netharness explore: " + message);
  }

  private static List<String[]> csvRows() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("loss/report.csv"));
    assertThat(lines.get(0)).isEqualTo("sweep,value,protocol,sent,delivered,delivered_percent,duplicates,out_of_order,"
        + "completion_ms,latency_p50_ms,latency_p99_ms,goodput_bytes_per_second,intact");
    return lines.stream().skip(1).map(l -> l.split(",")).toList();
  }
}
