package io.minerai.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.cli.MineraiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code minerai portfolio} end to end on the Spark executor (local mode, in this JVM), as the launcher runs it with
 * {@code --executor spark}: the bundled example (five site dispatches, a few paths to stay quick) gives exactly the
 * in-process figures, and a Spark master that cannot be reached is an input error at {@code --spark-master} with
 * nothing written.
 */
class PortfolioOnSparkTest {
    private record Run(int exitCode, String out, String err) {}

    private static Run cli(String... args) {
        CommandLine cl = MineraiCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> example(String... more) {
        List<String> args = new ArrayList<>(
                List.of("portfolio", "--paths", "6", "--seed", "7", "--today", "2026-12-05", "--format", "json"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theBundledExampleOnSparkGivesExactlyTheInProcessResults() throws Exception {
        Run local = cli(example("--executor", "local", "--threads", "2").toArray(String[]::new));
        Run spark =
                cli(example("--executor", "spark", "--spark-master", "local[2]").toArray(String[]::new));
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(local.out());
        JsonNode b = json.readTree(spark.out());
        assertThat(a.get("paths").asInt()).isEqualTo(6);
        assertThat(a.get("sites")).hasSize(3);
        // everything but the run time; doubles as JSON text round-trip exactly, so equal trees are equal bits
        ((ObjectNode) a).remove("seconds");
        ((ObjectNode) b).remove("seconds");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void anUnreachableSparkMasterIsAnErrorAtItsOptionWithExitCodeTwoAndNothingWritten(@TempDir Path dir) {
        Path charts = dir.resolve("charts");
        long t0 = System.nanoTime();
        Run r = cli(example(
                        "--executor",
                        "spark",
                        "--spark-master",
                        "spark://127.0.0.1:1",
                        "--spark-work-dir",
                        dir.resolve("work").toUri().toString(),
                        "--charts",
                        charts.toString())
                .toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("--spark-master: 'spark://127.0.0.1:1' cannot be reached")
                .contains("nothing was written");
        assertThat(r.out()).isEmpty();
        assertThat(charts).doesNotExist();
        assertThat(dir.resolve("work")).doesNotExist();
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
    }
}
