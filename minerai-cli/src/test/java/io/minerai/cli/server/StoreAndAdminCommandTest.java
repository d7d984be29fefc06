package io.minerai.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.cli.CliRunner;
import io.minerai.server.Tokens;
import io.minerai.store.Role;
import io.minerai.store.Store;
import io.minerai.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minerai admin new-token} (break glass) and {@code minerai store check|backup|restore} as a user runs them. */
class StoreAndAdminCommandTest {
    @Test
    void breakGlassMakesAWorkingAuditedAdminToken(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        var r = CliRunner.run("admin", "new-token", "--data-dir", data, "--name", "ops on call");
        assertThat(r.exitCode()).isZero();
        Matcher m = Pattern.compile("(mnr_[A-Za-z0-9_-]{43})").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        try (Store s = Store.open(StoreConfig.embedded(Path.of(data)), Clock.systemUTC())) {
            var t = s.tokens().findActive(Tokens.hash(m.group(1))).orElseThrow();
            assertThat(t.role()).isEqualTo(Role.ADMIN);
            assertThat(t.name()).isEqualTo("ops on call");
            assertThat(s.auditLog()
                            .read(
                                    java.time.Instant.EPOCH,
                                    java.time.Instant.now().plusSeconds(5)))
                    .anySatisfy(e -> assertThat(e.action()).isEqualTo("break-glass new admin token"));
        }
    }

    @Test
    void checkBackupAndRestoreAStore(@TempDir Path dir) {
        String data = dir.resolve("data").toString();
        assertThat(CliRunner.run("admin", "new-token", "--data-dir", data).exitCode())
                .isZero();
        var check = CliRunner.run("store", "check", "--data-dir", data);
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("ok: no problems found").contains("audit chain of 1 entries");
        String backup = dir.resolve("backup.db").toString();
        assertThat(CliRunner.run("store", "backup", "--data-dir", data, backup).exitCode())
                .isZero();
        var again = CliRunner.run("store", "backup", "--data-dir", data, backup);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");
        // restoring over an existing store is refused; into a new folder it works
        var over = CliRunner.run("store", "restore", "--data-dir", data, backup);
        assertThat(over.exitCode()).isEqualTo(1);
        assertThat(over.err()).contains("exists");
        String fresh = dir.resolve("fresh").toString();
        var restored = CliRunner.run("store", "restore", "--data-dir", fresh, backup);
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(CliRunner.run("store", "check", "--data-dir", fresh).out()).contains("ok: no problems found");
    }
}
