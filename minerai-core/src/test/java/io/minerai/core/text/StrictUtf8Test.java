package io.minerai.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {
    @Test
    void validTextIsDecodedWhole() throws Exception {
        String text = "a,b\n1,€ 2\n😀 x\r\nlast";
        assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void aBadByteAfterSeveralBuffersIsLocated() {
        // 100,000 characters of lines "0123456789\n" (far past the 8 KiB buffer), then a bad byte at column 4
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("0123456789\n");
        }
        sb.append("abc");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = 'z';
        assertThatThrownBy(() -> StrictUtf8.decode(bytes))
                .isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
                    assertThat(e.line()).isEqualTo(10_001);
                    assertThat(e.column()).isEqualTo(4);
                    assertThat(e.badByte()).isEqualTo(0xFF);
                })
                .hasMessage("line 10001, column 4: not valid UTF-8 (byte 0xFF); save the file as UTF-8");
    }

    @Test
    void aSequenceCutOffAtTheEndIsInvalid() {
        byte[] euro = "x€".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(euro, euro.length - 1);
        assertThatThrownBy(() -> StrictUtf8.decode(cut))
                .isInstanceOfSatisfying(
                        InvalidUtf8Exception.class, e -> assertThat(e.column()).isEqualTo(2));
    }

    @Test
    void theReaderHandsOutTheTextBeforeTheBadByte() throws Exception {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, '('};
        char[] buf = new char[16];
        try (Reader r = StrictUtf8.reader(new ByteArrayInputStream(bytes))) {
            assertThat(r.read(buf)).isEqualTo(3);
            assertThatThrownBy(() -> r.read(buf)).isInstanceOfSatisfying(InvalidUtf8Exception.class, e -> {
                assertThat(e.line()).isEqualTo(2);
                assertThat(e.column()).isEqualTo(1);
            });
        }
    }

    /** Against the JDK's own decoder: same text when valid; refused exactly when the JDK's strict decoder refuses. */
    @Property(tries = 300)
    void agreesWithTheJdk(@ForAll byte[] bytes) {
        boolean jdkValid;
        String jdk = null;
        try {
            jdk = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            jdkValid = true;
        } catch (java.nio.charset.CharacterCodingException e) {
            jdkValid = false;
        }
        try {
            String ours = StrictUtf8.decode(bytes);
            assertThat(jdkValid).isTrue();
            assertThat(ours).isEqualTo(jdk);
        } catch (InvalidUtf8Exception e) {
            assertThat(jdkValid).isFalse();
        }
    }
}
