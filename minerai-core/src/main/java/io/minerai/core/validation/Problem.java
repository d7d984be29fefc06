package io.minerai.core.validation;

/**
 * One thing wrong with an input, located by its path, e.g. {@code site.minerFleets[2].unitPowerW: must be > 0, was
 * -3}. For files the path starts with the file name and line, e.g. {@code prices.csv:14:SettlementPointPrice}.
 *
 * @param path where
 * @param message what is wrong and, where it helps, what was found
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
