package io.minerai.data;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Helpers for tests that feed small hand-written files to the readers. */
public final class TestFiles {
    private TestFiles() {}

    /** The lines joined with newlines, as a stream. */
    public static InputStream lines(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
