package io.minerai.core.ai;

import java.util.Locale;
import java.util.Optional;

/** The number format compute delivered is counted in: dense (no structured sparsity) tensor throughput. */
public enum ComputePrecision {
    /** Dense BF16 tensor FLOPs: the usual precision of training, the default. */
    BF16_DENSE("bf16-dense", "dense BF16"),
    /** Dense FP8 tensor FLOPs: low-precision training and inference. */
    FP8_DENSE("fp8-dense", "dense FP8");

    private final String id;
    private final String label;

    ComputePrecision(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in files and JSON, e.g. {@code bf16-dense}. */
    public String id() {
        return id;
    }

    /** Human name, e.g. "dense BF16". */
    public String label() {
        return label;
    }

    public static Optional<ComputePrecision> parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (ComputePrecision p : values()) {
            if (p.id.equals(k)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
