package io.minerai.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.portfolio.model.SiteDispatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portfolio document: the bundled example, and bad input reported with its path. */
class PortfolioReaderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @TempDir
    Path dir;

    @Test
    void theBundledExampleReadsWithFiveSitesInTwoMarkets() {
        LoadedPortfolio lp = PortfolioReader.bundledExample(TODAY);
        assertEquals(3, lp.sites().size());
        assertEquals(2, lp.targets().get(0).size());
        assertEquals("west-texas", lp.sites().get(0).name());
        assertEquals("VIC1", lp.sites().get(2).scenario().site().grid().settlementPoint());
        assertEquals(3, lp.portfolio().company().startDelaysMonths().size());
    }

    /** Copies the bundled example's files into the temp dir with its portfolio text replaced. */
    private Path example(String portfolioText) throws IOException {
        for (String f : List.of(
                "site-west-texas.yaml",
                "plan-west-texas.yaml",
                "site-panhandle.yaml",
                "plan-panhandle.yaml",
                "site-victoria.yaml",
                "plan-victoria.yaml",
                "target-lz-west.yaml",
                "plan-target-lz-west.yaml",
                "target-south.yaml",
                "plan-target-south.yaml")) {
            Files.writeString(
                    dir.resolve(f),
                    io.minerai.core.scenario.DocumentText.resource(
                            PortfolioReader.class, PortfolioReader.EXAMPLE_DIR + f));
        }
        Path p = dir.resolve("portfolio.yaml");
        Files.writeString(p, portfolioText);
        return p;
    }

    private static List<Problem> problems(Path file) {
        ValidationException e = assertThrows(ValidationException.class, () -> PortfolioReader.read(file, TODAY));
        return e.problems();
    }

    private static Problem at(List<Problem> ps, String path) {
        return ps.stream()
                .filter(p -> p.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + ps));
    }

    @Test
    void aMissingScenarioIsReportedAtItsFieldWithTheAbsolutePath() throws IOException {
        String text =
                PortfolioReader.bundledExampleText().replace("scenario: site-panhandle.yaml", "scenario: nowhere.yaml");
        List<Problem> ps = problems(example(text));
        Problem p = at(ps, "portfolio.sites[1].scenario");
        assertTrue(p.message().contains("file not found"), p.message());
        assertTrue(p.message().contains(dir.resolve("nowhere.yaml").toString()), p.message());
    }

    @Test
    void twoSitesWithTheSameNameAreRefusedAcrossTheCompanyAndItsTargets() throws IOException {
        String text = PortfolioReader.bundledExampleText()
                .replace("    - name: panhandle", "    - name: west-texas")
                .replace("        - name: target-south", "        - name: victoria");
        List<Problem> ps = problems(example(text));
        assertTrue(at(ps, "portfolio.sites[1].name").message().contains("duplicate site name 'west-texas'"));
        assertTrue(
                at(ps, "portfolio.acquisitions[0].sites[1].name").message().contains("also portfolio.sites[2].name"));
    }

    @Test
    void anAcquisitionClosingBeforeTodayIsRefused() throws IOException {
        String text =
                PortfolioReader.bundledExampleText().replace("closingDate: 2027-12-31", "closingDate: 2026-06-30");
        Problem p = at(problems(example(text)), "portfolio.acquisitions[0].closingDate");
        assertTrue(p.message().contains("before today (2026-12-05)"), p.message());
    }

    @Test
    void everyFieldProblemIsReportedAtOnce() throws IOException {
        String text = PortfolioReader.bundledExampleText()
                .replace("sharePriceUsd: 15", "sharePriceUsd: -15")
                .replace("plan: plan-victoria.yaml", "plan: plan-victoria.yaml\n      colour: blue");
        List<Problem> ps = problems(example(text));
        assertTrue(at(ps, "portfolio.company.sharePriceUsd").message().contains("must be > 0"));
        assertTrue(at(ps, "portfolio.sites[2].colour").message().contains("unknown field"));
    }

    @Test
    void aSitesDispatchIsMeritOrderByDefaultOrTheOptimiserAndNothingElse() throws IOException {
        String text = PortfolioReader.bundledExampleText()
                .replace("plan: plan-victoria.yaml", "plan: plan-victoria.yaml\n      dispatch: optimiser");
        var lp = PortfolioReader.read(example(text), java.time.LocalDate.parse("2026-12-05"));
        assertEquals(
                List.of(SiteDispatch.MERIT_ORDER, SiteDispatch.MERIT_ORDER, SiteDispatch.OPTIMISER),
                lp.sites().stream().map(s -> s.entry().dispatch()).toList());
        Problem pr = at(
                problems(example(text.replace("dispatch: optimiser", "dispatch: optimal"))),
                "portfolio.sites[2].dispatch");
        assertTrue(pr.message().contains("merit-order") && pr.message().contains("optimiser"), pr.message());
    }

    @Test
    void everyRuleProblemIsReportedAtOnce() throws IOException {
        String text = PortfolioReader.bundledExampleText()
                .replace(
                        "currentStrategy: stay-mining\n      powerEscalatorPerYear: 0.02    # ASSUMPTION\n    - name: victoria",
                        "currentStrategy: nonsense\n      powerEscalatorPerYear: 0.02    # ASSUMPTION\n    - name: victoria")
                .replace("cashFraction: 0.4 ", "cashFraction: 0.5 ");
        List<Problem> ps = problems(example(text));
        assertTrue(at(ps, "portfolio.sites[1].currentStrategy").message().contains("no strategy 'nonsense'"));
        assertTrue(at(ps, "portfolio.acquisitions[0].cashFraction").message().contains("must be 1, was 1.1000"));
    }

    @Test
    void aBrokenPlanIsReportedAtItsFieldWithThePlansOwnPath() throws IOException {
        Path p = example(PortfolioReader.bundledExampleText());
        Files.writeString(
                dir.resolve("plan-victoria.yaml"),
                Files.readString(dir.resolve("plan-victoria.yaml"))
                        .replace("leadTimeMonths: 12", "leadTimeMonths: -1"));
        Problem pr = at(problems(p), "portfolio.sites[2].plan");
        assertTrue(pr.message().contains("plan.halls[0].leadTimeMonths"), pr.message());
    }
}
