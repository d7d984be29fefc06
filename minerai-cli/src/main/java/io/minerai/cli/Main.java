package io.minerai.cli;

/** Entry point of {@code ./minerai}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = MineraiCommand.commandLine().execute(args);
        System.exit(code);
    }
}
