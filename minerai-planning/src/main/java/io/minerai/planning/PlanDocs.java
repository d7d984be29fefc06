package io.minerai.planning;

import io.minerai.core.scenario.ObjectSpec;
import io.minerai.core.scenario.SchemaDocs;

/** Generates the plan file reference (the generated part of docs/PLANNING.md) from {@link PlanSchema}. */
public final class PlanDocs {
    /** Marks the start of the generated reference in docs/PLANNING.md. */
    public static final String BEGIN = "<!-- BEGIN generated plan reference -->";
    /** Marks its end. */
    public static final String END = "<!-- END generated plan reference -->";

    /** Marks the start of the generated cash-flow column reference in docs/PLANNING.md. */
    public static final String COLUMNS_BEGIN = "<!-- BEGIN generated cash-flow columns -->";
    /** Marks its end. */
    public static final String COLUMNS_END = "<!-- END generated cash-flow columns -->";

    private PlanDocs() {}

    /** The columns of the {@code --cashflows} CSV files, between {@link #COLUMNS_BEGIN} and {@link #COLUMNS_END}. */
    public static String cashFlowColumns() {
        return COLUMNS_BEGIN + "\n"
                + "<!-- Generated from io.minerai.planning.report.CashFlowColumns; do not edit by hand (a test fails when"
                + " it is stale). -->\n\n"
                + io.minerai.planning.report.CashFlowColumns.markdown()
                + COLUMNS_END + "\n";
    }

    /** The reference, between {@link #BEGIN} and {@link #END}. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(BEGIN).append('\n');
        sb.append(
                "<!-- Generated from io.minerai.planning.PlanSchema by `./minerai plan --print-reference`; do not edit by hand"
                        + " (a test fails when it is stale). -->\n\n");
        sb.append("A plan file is one YAML (or JSON) document with a single top-level field `plan`. Unknown fields are"
                + " errors; every problem is reported at once with its path, e.g."
                + " `plan.leases[0].startMonth: lease starts in month 3 but hall 'h' is only ready in month 7`. A value"
                + " that is possible but unusual (an adder above $500/MWh, a site above 5,000 MW) is accepted with a"
                + " warning on stderr, e.g. `minerai: warning: plan.power.adderUsdPerMwh: is 800 $/MWh, unusually high"
                + " (usually -100 .. 500); check the value and its unit`.\n\n");
        for (ObjectSpec o : PlanSchema.all()) {
            SchemaDocs.object(sb, o, "###");
        }
        sb.append(END).append('\n');
        return sb.toString();
    }
}
