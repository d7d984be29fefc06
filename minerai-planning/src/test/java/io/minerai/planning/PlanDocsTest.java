package io.minerai.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/PLANNING.md carries the reference generated from PlanSchema; fails when it is stale. */
class PlanDocsTest {
    @Test
    void planningDocHasTheCurrentCashFlowColumns() throws Exception {
        String text = Files.readString(Path.of("..", "docs", "PLANNING.md"));
        int b = text.indexOf(PlanDocs.COLUMNS_BEGIN);
        int e = text.indexOf(PlanDocs.COLUMNS_END);
        assertThat(b).as("BEGIN marker of the cash-flow columns").isNotNegative();
        assertThat(e).isGreaterThan(b);
        assertThat(text.substring(b, e + PlanDocs.COLUMNS_END.length()) + "\n")
                .as("docs/PLANNING.md's cash-flow columns are stale: paste PlanDocs.cashFlowColumns() between the"
                        + " markers")
                .isEqualTo(PlanDocs.cashFlowColumns());
    }

    @Test
    void planningDocHasTheCurrentGeneratedReference() throws Exception {
        Path doc = Path.of("..", "docs", "PLANNING.md");
        String text = Files.readString(doc);
        int b = text.indexOf(PlanDocs.BEGIN);
        int e = text.indexOf(PlanDocs.END);
        assertThat(b).as("BEGIN marker in " + doc).isNotNegative();
        assertThat(e).as("END marker in " + doc).isGreaterThan(b);
        String current = text.substring(b, e + PlanDocs.END.length()) + "\n";
        assertThat(current)
                .as("docs/PLANNING.md is stale: regenerate with ./minerai plan --print-reference and paste it between"
                        + " the markers")
                .isEqualTo(PlanDocs.markdown());
    }
}
