package io.minerai.portfolio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minerai.planning.PlanReader;
import io.minerai.planning.model.GpuContract;
import io.minerai.planning.model.Plan;
import io.minerai.planning.model.StrategyPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Moving a strategy's dated blocks (a start delay) keeps everything else about them. */
class PlansTest {
    @Test
    void aDelayedContractKeepsItsCurtailmentAllowance() {
        // the bundled plan's IREN-Microsoft style contract, given a curtailment allowance of 100 hours a year
        String text = PlanReader.bundledDefaultText()
                .replace(
                        "prepaymentMonth: 3 ",
                        "curtailmentHoursPerYear: 100\n      curtailmentCreditMultiple: 2\n      prepaymentMonth: 3 ");
        Plan plan = PlanReader.parse(text, "bundled plan with a curtailment allowance");
        GpuContract before = plan.contracts().getFirst();
        assertThat(before.curtailment()).isEqualTo(new GpuContract.Curtailment(100, 2));
        StrategyPlan s = plan.strategies().stream()
                .filter(x -> x.name().equals("gpu-contract"))
                .findFirst()
                .orElseThrow();

        Plan later = Plans.delayed(plan, s, 12).orElseThrow();

        GpuContract after = later.contracts().getFirst();
        assertThat(after.prepaymentMonth())
                .isEqualTo(Optional.of(before.prepaymentMonth().orElseThrow() + 12));
        // the delay rebuilt the contract with a constructor that dropped the allowance (every delayed contract became
        // firm)
        assertThat(after.curtailment()).isEqualTo(before.curtailment());
        assertThat(after.withPrepaymentMonth(before.prepaymentMonth())).isEqualTo(before);
    }
}
