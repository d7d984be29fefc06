package io.minerai.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.ValidationException;
import io.minerai.sweep.ExecutorSettings;
import io.minerai.sweep.SweepExecutors;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masters that cannot be used are refused with the option's path and the reason, within the connect timeout, before
 * anything is written. Runs in its own JVM (surefire does not reuse forks here): no Spark session may exist yet.
 */
class SparkMasterTest {
    /** 192.0.2.1 is in TEST-NET-1 (RFC 5737), reserved for documentation: nothing answers there. */
    @Test
    void anUnreachableMasterIsABadOptionAndNothingIsWritten(@TempDir Path dir) {
        Path work = dir.resolve("work");
        ExecutorSettings settings = ExecutorSettings.defaults()
                .withMaster("spark://192.0.2.1:7077")
                .withWorkDirectory(work.toUri().toString())
                .withConnectTimeout(Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> SweepExecutors.create("spark", settings))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("--spark-master: 'spark://192.0.2.1:7077'")
                .hasMessageContaining("nothing was written");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(work).doesNotExist();
    }

    /** Something accepts connections on the port but never speaks Spark's protocol: refused after the timeout. */
    @Test
    void aSilentPortIsRefusedWithinTheTimeout(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept();
                        synchronized (held) {
                            held.add(s);
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "spark://127.0.0.1:" + silent.getLocalPort();
            ExecutorSettings settings = ExecutorSettings.defaults()
                    .withMaster(url)
                    .withWorkDirectory(work.toUri().toString())
                    .withConnectTimeout(Duration.ofSeconds(3));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> SparkExecutor.create(settings))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("--spark-master: '" + url + "' accepted a connection but no Spark master"
                            + " took the application within 3.0 s")
                    .hasMessageContaining("nothing was written");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        } finally {
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
        assertThat(work).doesNotExist();
    }

    @Test
    void aClosedLoopbackPortAndMalformedUrlsAreRefusedAtOnce() throws Exception {
        int closed;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> SparkMaster.check("spark://127.0.0.1:" + closed, Duration.ofSeconds(2)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be reached (127.0.0.1:" + closed + ": Connection refused");
        assertThatThrownBy(() -> SparkMaster.check("mesos://x:5050", Duration.ofSeconds(1)))
                .hasMessageContaining("--spark-master: 'mesos://x:5050' is not a Spark master URL");
        assertThatThrownBy(() -> SparkMaster.check("spark://host:notaport", Duration.ofSeconds(1)))
                .hasMessageContaining("port 'notaport' is not a number");
        assertThatThrownBy(() -> SparkMaster.check("spark://no-such-host.invalid:7077", Duration.ofSeconds(1)))
                .hasMessageContaining("no-such-host.invalid:7077: unknown host");
        assertThat(SparkMaster.check("local[*]", Duration.ofSeconds(1)).local()).isTrue();
        assertThat(SparkMaster.check("local[4,2]", Duration.ofSeconds(1)).local())
                .isTrue();
        assertThat(SparkMaster.check("local", Duration.ofSeconds(1)).local()).isTrue();
    }

    @Test
    void aClusterMasterNeedsASharedWorkDirectory() throws Exception {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "spark://127.0.0.1:" + s.getLocalPort();
            assertThatThrownBy(() ->
                            SparkExecutor.create(ExecutorSettings.defaults().withMaster(url)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("--spark-work-dir: is required with the cluster master");
        }
    }
}
