package io.minerai.cli;

/** Output formats of commands that print results. */
public enum OutputFormat {
    table,
    csv,
    json
}
