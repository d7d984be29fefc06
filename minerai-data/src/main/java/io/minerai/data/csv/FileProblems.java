package io.minerai.data.csv;

/**
 * Problems of one file, located as {@code file:line:column} (e.g. {@code prices.csv:14:SettlementPointPrice}), {@code
 * file:line} or {@code file}.
 */
public final class FileProblems {
    private final String fileName;
    private final ProblemCollector target;

    FileProblems(String fileName, ProblemCollector target) {
        this.fileName = fileName;
        this.target = target;
    }

    public String fileName() {
        return fileName;
    }

    /** The collector behind this view. */
    public ProblemCollector collector() {
        return target;
    }

    /** A problem with a cell. */
    public void at(long line, String column, String message) {
        target.add(fileName + ":" + line + ":" + column, message);
    }

    /** A problem at a character of a line, {@code file:line:column} with the column counted in characters from 1. */
    public void atCharacter(long line, long column, String message) {
        target.add(fileName + ":" + line + ":" + column, message);
    }

    /** A problem with a whole line. */
    public void atLine(long line, String message) {
        target.add(fileName + ":" + line, message);
    }

    /** A problem with the whole file. */
    public void atFile(String message) {
        target.add(fileName, message);
    }

    /** Total problems in the collector so far (all files). */
    public int total() {
        return target.total();
    }
}
