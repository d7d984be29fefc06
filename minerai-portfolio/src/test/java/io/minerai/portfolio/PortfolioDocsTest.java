package io.minerai.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/PORTFOLIO.md carries the reference generated from PortfolioSchema; fails when it is stale. */
class PortfolioDocsTest {
    @Test
    void portfolioDocHasTheCurrentGeneratedReference() throws Exception {
        Path doc = Path.of("..", "docs", "PORTFOLIO.md");
        String text = Files.readString(doc);
        int b = text.indexOf(PortfolioDocs.BEGIN);
        int e = text.indexOf(PortfolioDocs.END);
        assertTrue(b >= 0, "BEGIN marker in " + doc);
        assertTrue(e > b, "END marker in " + doc);
        assertEquals(
                PortfolioDocs.markdown(),
                text.substring(b, e + PortfolioDocs.END.length()) + "\n",
                "docs/PORTFOLIO.md is stale: regenerate with ./minerai portfolio --print-reference and paste it between"
                        + " the markers");
    }
}
