package io.minerai.core.text;

import java.io.IOException;
import java.util.Locale;

/**
 * Input that is not valid UTF-8, located at the character where decoding stopped.
 *
 * @see StrictUtf8
 */
public final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final long column;
    private final int badByte;

    InvalidUtf8Exception(long line, long column, int badByte) {
        super(String.format(
                Locale.ROOT,
                "line %d, column %d: not valid UTF-8 (byte 0x%02X); save the file as UTF-8",
                line,
                column,
                badByte));
        this.line = line;
        this.column = column;
        this.badByte = badByte;
    }

    /** Line of the bad byte, 1-based. */
    public long line() {
        return line;
    }

    /** Column of the bad byte, 1-based, counted in characters of the line. */
    public long column() {
        return column;
    }

    /** The first byte that could not be decoded (0..255). */
    public int badByte() {
        return badByte;
    }

    /** What is wrong, without the location: for problems whose path already carries line and column. */
    public String reason() {
        return String.format(Locale.ROOT, "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", badByte);
    }
}
