package io.minerai.core.site;

/** Kinds of on-site generation. */
public enum GeneratorKind {
    SOLAR,
    WIND,
    HYDRO
}
