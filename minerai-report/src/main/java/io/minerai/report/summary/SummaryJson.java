package io.minerai.report.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.minerai.dispatch.DispatchSummary;
import io.minerai.dispatch.SummaryDocument;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The dispatch summary as JSON: one object that starts with the flat fields of earlier releases, in their order ({@link
 * LegacySummary}; {@code loads} is an array of objects with the component names of {@link
 * io.minerai.dispatch.LoadSummary}), so existing scripts keep working, followed by the nested parts of {@link
 * DispatchSummary}: {@code run}, {@code gaps}, {@code energy}, {@code streams} (every stream of the run with its id,
 * label, direction, program, signed total in USD and in the market currency), {@code costs}, {@code bitcoin}, {@code
 * gpu}, {@code averages} and {@code programs} (each program's facts, e.g. a 4CP tag). Numbers that are not finite (e.g. cost per BTC when nothing was mined) are written
 * as {@code null}, so the output is strict JSON; finite numbers are written in plain decimal notation (no exponent)
 * with the fewest digits that read back to the same double.
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("minerai-finite-doubles")
                    .addSerializer(Double.class, new FiniteDoubleSerializer())
                    .addSerializer(double.class, new FiniteDoubleSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SummaryJson() {}

    /** The summary as pretty-printed JSON (no trailing newline). */
    public static String toJson(DispatchSummary summary) {
        try {
            return MAPPER.writeValueAsString(document(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the dispatch summary", e);
        }
    }

    /** The summary as an ordered map: the legacy flat fields, then the nested parts (see {@link SummaryDocument}). */
    public static Map<String, Object> document(DispatchSummary s) {
        return SummaryDocument.of(s);
    }

    /** Writes the summary JSON to {@code file} (UTF-8, with a final newline), replacing it. */
    public static void write(DispatchSummary summary, Path file) throws IOException {
        Files.writeString(file, toJson(summary) + "\n", StandardCharsets.UTF_8);
    }

    /** A copy of the mapper used (non-finite numbers as null, indented), e.g. to embed the summary in a larger document. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double v = value;
            if (Double.isFinite(v)) {
                // shortest decimal that round-trips, in plain notation: 196244236.5 rather than 1.962442365E8
                gen.writeNumber(BigDecimal.valueOf(v));
            } else {
                gen.writeNull();
            }
        }
    }
}
