package io.minerai.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.planning.model.CoolingType;
import io.minerai.planning.model.Facility;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.PowerSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    @Test
    void bundledDefaultIsValid() {
        Plan p = PlanReader.bundledDefault();
        assertThat(p.site().gridMw()).isEqualTo(300);
        assertThat(p.hall("hall-a").orElseThrow().criticalItMw()).isEqualTo(200);
        assertThat(p.hallFacilityMw(p.hall("hall-a").orElseThrow())).isEqualTo(250);
        assertThat(p.power()).isInstanceOf(PowerSource.ErcotResampled.class);
        assertThat(p.strategies()).extracting(s -> s.name()).contains("stay-mining", "gpu-cloud", "colocation");
        assertThat(p.coolingOf(p.hall("hall-a").orElseThrow()).pue()).isEqualTo(1.25);
        assertThat(p.cooling()).containsKey(CoolingType.AIR);
        assertThat(p.search()).isPresent();
    }

    @Test
    void smallPlanReads() {
        Plan p = PlanReader.parse(Fixtures.smallPlanYaml(Fixtures.DECK), "small");
        assertThat(p.financing().facilities()).hasSize(3);
        assertThat(p.financing().facilities().get(0)).isInstanceOf(Facility.ProjectFinance.class);
        assertThat(p.gpuCloud("g1").orElseThrow().usdPerGpu()).isEqualTo(40_648.0); // schema default
        assertThat(p.uncertainty().paths()).isEqualTo(300);
    }

    @Test
    void impossiblePlanReportsEveryProblemWithItsPath() {
        String yaml = """
                plan:
                  name: impossible
                  start: 2026-01
                  horizonMonths: 60
                  site: {name: s, gridMw: 100}
                  power: {source: deck, usdPerMwh: 40}
                  bitcoin: {startPriceUsdPerBtc: 90000, startNetworkHashrateEhPerS: 1000, startBlockHeight: 930000}
                  mining: {hashrateEhPerS: 5, efficiencyJPerTh: 17.5}
                  halls:
                    - {name: big, criticalItMw: 90, cooling: air, startMonth: 0, leadTimeMonths: 12, capexUsdPerMwCriticalIt: 9000000}
                    - {name: neg, criticalItMw: 10, cooling: liquid, startMonth: 0, leadTimeMonths: -3, capexUsdPerMwCriticalIt: 9000000}
                    - {name: small, criticalItMw: 20, cooling: liquid, startMonth: 1, leadTimeMonths: 6, capexUsdPerMwCriticalIt: 9000000}
                  leases:
                    - {name: early, hall: small, criticalItMw: 30, usdPerKwMonth: 150, termMonths: 120, startMonth: 3}
                    - {name: ghost, hall: nowhere, criticalItMw: 5, usdPerKwMonth: 150, termMonths: 120, startMonth: 20}
                  financing:
                    facilities:
                      - {name: pf, kind: project-finance, finances: missing, loanToCost: 1.2, ratePerYear: 0.09, tenorMonths: 48}
                  strategies:
                    - {name: too-much, halls: [big, small], leases: [early]}
                    - {name: orphan, leases: [early], facilities: [pf]}
                  uncertainty: {paths: 10, seed: 1, bootstrapBlokDays: 30}
                """;
        // field-level problems come first (the reader stops there), every one with its path
        assertThatThrownBy(() -> PlanReader.parse(yaml, "impossible.yaml"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    List<String> paths = ((ValidationException) e)
                            .problems().stream().map(Problem::path).toList();
                    assertThat(paths)
                            .contains(
                                    "plan.halls[1].leadTimeMonths",
                                    "plan.financing.facilities[0].loanToCost",
                                    "plan.uncertainty.bootstrapBlokDays");
                    assertThat(e.getMessage()).contains("did you mean 'bootstrapBlockDays'");
                });
        // with the field errors fixed, every cross-field problem is reported at once
        String fixedFields = yaml.replace("leadTimeMonths: -3", "leadTimeMonths: 3")
                .replace("loanToCost: 1.2", "loanToCost: 0.8")
                .replace(", bootstrapBlokDays: 30", "");
        assertThatThrownBy(() -> PlanReader.parse(fixedFields, "impossible.yaml"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    List<Problem> problems = ((ValidationException) e).problems();
                    List<String> paths = problems.stream().map(Problem::path).toList();
                    assertThat(paths)
                            .containsExactlyInAnyOrder(
                                    // 90 MW x PUE 1.4 = 126 MW > 100 MW site
                                    "plan.halls[0].criticalItMw",
                                    // lease starts in month 3, hall ready in month 7
                                    "plan.leases[0].startMonth",
                                    // leases 30 MW of a 20 MW hall
                                    "plan.leases[0].criticalItMw",
                                    "plan.leases[1].hall",
                                    "plan.financing.facilities[0].finances",
                                    // big (126 MW) + small (25 MW) > 100 MW
                                    "plan.strategies[0].halls",
                                    // 30 MW leased in a 20 MW hall within the strategy
                                    "plan.strategies[0]",
                                    "plan.strategies[1].leases[0]",
                                    "plan.strategies[1].facilities[0]");
                    assertThat(e.getMessage())
                            .contains("hall 'small' is only ready in month 7")
                            .contains("exceeds the site's gridMw 100.0 MW")
                            .contains("converts 151.0 MW of site power");
                });
    }

    @Test
    void unknownTopLevelAndMissingPlan() {
        assertThatThrownBy(() -> PlanReader.parse("plann: {}", "x.yaml"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plann: unknown field; did you mean 'plan'?")
                .hasMessageContaining("plan: is required");
    }

    @Test
    void docsAreGeneratedFromTheSchema() {
        String md = PlanDocs.markdown();
        assertThat(md).contains("`criticalItMw`").contains("`leadTimeMonths`").contains("`loanToCost`");
        assertThat(md).contains("list of names");
    }
}
