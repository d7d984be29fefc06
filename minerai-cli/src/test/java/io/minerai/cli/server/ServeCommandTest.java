package io.minerai.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.cli.ExitCodes;
import io.minerai.cli.MineraiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    @Test
    void servesHealthAndPrintsTheAdminTokenOnceAtFirstStart(@TempDir Path dir) throws Exception {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit =
                CompletableFuture.supplyAsync(() -> cl.execute("--port", "0", "--data-dir", dir.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (serve.boundPort() < 0 && !exit.isDone() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(serve.boundPort()).as(out.toString()).isPositive();
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.boundPort() + "/api/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        serve.stop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("admin token was created")
                .containsPattern("mnr_[A-Za-z0-9_-]{43}")
                .contains("serving the dashboard at http://127.0.0.1:");
        assertThat(Files.exists(dir.resolve("minerai.db"))).isTrue();
    }

    @Test
    void badOptionsExitWithTwoAndNameTheOption() {
        CommandLine cl = MineraiCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("serve", "--port", "70000", "--run-threads", "0");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--port: must be 0..65535").contains("--run-threads");
    }

    @Test
    void isListedInTheHelp() {
        CommandLine cl = MineraiCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.execute("--help");
        assertThat(out.toString()).contains("serve");
    }
}
