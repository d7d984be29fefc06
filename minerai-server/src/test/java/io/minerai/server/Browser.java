package io.minerai.server;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver}). When they are
 * missing, runs the project's {@code scripts/install-chromium.sh} (apt-get as root); when that fails too, fails with a
 * message that says how to install them: the end-to-end test never skips silently.
 */
final class Browser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    static ChromeDriver start() {
        ensureInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void ensureInstalled() {
        if (installed()) {
            return;
        }
        Path script = findScript();
        String output;
        int code;
        try {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .start();
            boolean done = p.waitFor(15, TimeUnit.MINUTES);
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            code = done ? p.exitValue() : -1;
            if (!done) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing chromium", e);
        }
        if (code != 0 || !installed()) {
            throw new IllegalStateException("The dashboard's end-to-end test needs Debian's chromium and"
                    + " chromium-driver (" + CHROMIUM + ", " + DRIVER + "). " + script
                    + " could not install them (exit "
                    + code + "):\n" + output + "\nInstall them with: apt-get update && apt-get install -y chromium"
                    + " chromium-driver");
        }
    }

    private static boolean installed() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    }

    private static Path findScript() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path s = dir.resolve("scripts/install-chromium.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("scripts/install-chromium.sh not found above "
                + Path.of("").toAbsolutePath() + "; install chromium and chromium-driver yourself");
    }
}
