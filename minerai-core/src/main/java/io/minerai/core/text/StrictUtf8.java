package io.minerai.core.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decodes UTF-8 strictly: a malformed byte sequence is an {@link InvalidUtf8Exception} naming the line and column where
 * it occurs, never a silent replacement character or Java's bare {@code Input length = 1}. Lines are counted at
 * {@code \n}; columns in characters from 1.
 */
public final class StrictUtf8 {
    private StrictUtf8() {}

    /** The text of {@code bytes}. */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        StringBuilder sb = new StringBuilder(bytes.length);
        char[] buf = new char[8192];
        try (Reader r = reader(new ByteArrayInputStream(bytes))) {
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
        } catch (InvalidUtf8Exception e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        return sb.toString();
    }

    /** A reader of {@code in} (closed with the reader) that throws {@link InvalidUtf8Exception} at a bad byte. */
    public static Reader reader(InputStream in) {
        return new Utf8Reader(in);
    }

    private static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
        private final CharBuffer chars = CharBuffer.allocate(1 << 13).flip();
        private boolean eof;
        private boolean flushed;
        private @Nullable InvalidUtf8Exception pending;
        private long line = 1;
        private long column = 1;

        Utf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!chars.hasRemaining()) {
                if (!fill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chars.remaining());
            chars.get(cbuf, off, n);
            return n;
        }

        /** Decodes the next chunk into {@code chars}; false at the end of the input. */
        private boolean fill() throws IOException {
            if (pending != null) {
                throw pending;
            }
            if (flushed) {
                return false;
            }
            chars.clear();
            if (!eof) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                // hand out what was decoded before the bad byte; the next call throws
                count(chars.position());
                pending = new InvalidUtf8Exception(line, column, bytes.get(bytes.position()) & 0xff);
                chars.flip();
                return true;
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
            }
            count(chars.position());
            chars.flip();
            return chars.hasRemaining() || !flushed;
        }

        /** Advances line and column over the first {@code n} decoded characters. */
        private void count(int n) {
            char[] a = chars.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    line++;
                    column = 1;
                } else if (a[i] != '\r') {
                    column++;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
