package io.minerai.portfolio;

import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.scenario.SchemaDocs;

/** Generates the portfolio file reference (the generated part of docs/PORTFOLIO.md) from {@link PortfolioSchema}. */
public final class PortfolioDocs {
    /** Marks the start of the generated reference in docs/PORTFOLIO.md. */
    public static final String BEGIN = "<!-- BEGIN generated portfolio reference -->";
    /** Marks its end. */
    public static final String END = "<!-- END generated portfolio reference -->";

    private PortfolioDocs() {}

    /** The reference, between {@link #BEGIN} and {@link #END}. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append('\n');
        sb.append("<!-- Generated from io.minerai.portfolio.PortfolioSchema by `./minerai portfolio --print-reference`;"
                + " do not edit by hand (a test fails when it is stale). -->\n\n");
        sb.append("A portfolio file is one YAML (or JSON) document with a single top-level field `portfolio`. Unknown"
                + " fields are errors; every problem is reported at once with its path, e.g."
                + " `portfolio.sites[1].name: duplicate site name 'west' (also portfolio.sites[0].name)`. The"
                + " `bitcoin` and `uncertainty` sections are the plan file's (docs/PLANNING.md).\n\n");
        for (ObjectSpec o : PortfolioSchema.all()) {
            SchemaDocs.object(sb, o, "###");
        }
        sb.append(END).append('\n');
        return sb.toString();
    }
}
