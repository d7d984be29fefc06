package io.minerai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.RiskMeasure;
import io.minerai.planning.run.PlanRun;
import io.minerai.planning.run.PlanRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON of a run on the paper plan with 'lease-pf' as the baseline: its own cash flows go negative (capex) then
 * positive, so they have an IRR and a payback of their own, which the code before the fix reported (and a payback of
 * 0 over the Monte Carlo paths). Every path is the deterministic deck (no volatility), so the deterministic and Monte
 * Carlo figures must agree.
 */
class PlanResultsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(boolean deterministicOnly) {
        Plan plan = PlanReader.parse(Fixtures.lenderPlanYaml(), "lender");
        PlanRunner.Request d = PlanRunner.Request.defaults(plan);
        PlanRunner.Request req = new PlanRunner.Request(
                List.of(
                        plan.strategy("lease-pf").orElseThrow(),
                        plan.strategy("lease-tl").orElseThrow(),
                        plan.strategy("idle").orElseThrow()),
                RiskMeasure.EXPECTED,
                deterministicOnly,
                false,
                0,
                Optional.empty(),
                List.of(10.0, 90.0),
                d.settings().withThreads(2));
        PlanRun run = PlanRunner.run(plan, MarketData.none(), req, n -> {});
        return MAPPER.valueToTree(PlanResults.toMap(run, List.of()));
    }

    @Test
    void theBaselineHasNoIrrAndNoPaybackAnywhere() {
        JsonNode root = json(false);
        assertThat(root.path("baselineStrategy").asText()).isEqualTo("lease-pf");
        JsonNode base = root.path("strategies").get(0);
        assertThat(base.path("baseline").asBoolean()).isTrue();
        for (String f : List.of(
                "deterministicIrrPerYear",
                "deterministicPaybackMonth",
                "medianIrrPerYear",
                "irrDefinedShare",
                "medianPaybackMonth",
                "paybackShare",
                "meanIncrementalNpvUsd",
                "probabilityBeatsBaseline")) {
            assertThat(base.path(f).isNull())
                    .as(f + " of the baseline: " + base.path(f))
                    .isTrue();
        }
        // the others are measured against it: lease-tl borrows at 0 % instead of 12 %: higher NPV, and 'idle'
        // (nothing at all) has flows that are the negative of the baseline's
        JsonNode tl = root.path("strategies").get(1);
        assertThat(tl.path("baseline").asBoolean()).isFalse();
        assertThat(tl.path("meanIncrementalNpvUsd").asDouble()).isPositive();
        assertThat(root.path("strategies").get(2).path("medianPaybackMonth").isNull())
                .isTrue(); // never pays back
    }

    @Test
    void deterministicAndMonteCarloFiguresAgreeOnIdenticalPaths() {
        JsonNode root = json(false);
        assertThat(root.path("deterministic").asBoolean()).isFalse();
        for (JsonNode s : root.path("strategies")) {
            String name = s.path("strategy").asText();
            assertThat(s.path("deterministicPaybackMonth").isNull())
                    .as(name)
                    .isEqualTo(s.path("medianPaybackMonth").isNull());
            if (!s.path("medianPaybackMonth").isNull()) {
                assertThat(s.path("medianPaybackMonth").asDouble())
                        .as(name)
                        .isEqualTo(s.path("deterministicPaybackMonth").asDouble());
            }
            assertThat(s.path("deterministicIrrPerYear").isNull())
                    .as(name)
                    .isEqualTo(s.path("medianIrrPerYear").isNull());
            assertThat(s.path("meanNpvUsd").asDouble())
                    .as(name)
                    .isCloseTo(s.path("deterministicNpvUsd").asDouble(), within(1e-6));
            assertThat(s.path("meanPeakEquityNeedUsd").asDouble())
                    .isCloseTo(s.path("deterministicPeakEquityNeedUsd").asDouble(), within(1e-6));
            assertThat(s.path("covenantBreachProbability").asDouble())
                    .isEqualTo(s.path("deterministicCovenantBreached").asBoolean() ? 1.0 : 0.0);
        }
    }

    @Test
    void theDeterministicCaseAloneReportsEveryFigureTheMonteCarloReports() {
        JsonNode mc = json(false);
        JsonNode det = json(true);
        assertThat(det.path("deterministic").asBoolean()).isTrue();
        assertThat(det.path("paths").asInt()).isEqualTo(1);
        for (int i = 0; i < mc.path("strategies").size(); i++) {
            JsonNode a = mc.path("strategies").get(i);
            JsonNode b = det.path("strategies").get(i);
            // the same fields...
            assertThat(b.fieldNames()).toIterable().containsExactlyElementsOf(() -> a.fieldNames());
            // ... and, the Monte Carlo paths being the deck here, the same numbers
            for (String f : List.of(
                    "deterministicNpvUsd",
                    "meanNpvUsd",
                    "p10NpvUsd",
                    "p90NpvUsd",
                    "cvarNpvUsd",
                    "meanUnleveredNpvUsd",
                    "meanPeakEquityNeedUsd",
                    "meanPureEquityDilution",
                    "covenantBreachProbability")) {
                assertThat(b.path(f).asDouble()).as(f).isCloseTo(a.path(f).asDouble(), within(1e-6));
            }
            assertThat(b.path("p10MinDscr").isNull())
                    .isEqualTo(a.path("p10MinDscr").isNull());
            assertThat(b.path("meanNpvUsd").asDouble())
                    .isEqualTo(b.path("deterministicNpvUsd").asDouble());
            // only the deterministic case is listed for cash flows
            assertThat(b.path("cashflowCases")).hasSize(1);
            assertThat(a.path("cashflowCases")).hasSize(3);
        }
    }
}
