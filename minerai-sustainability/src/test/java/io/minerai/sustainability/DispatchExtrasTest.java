package io.minerai.sustainability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.minerai.core.scenario.SustainabilitySettings.MarketInstruments;
import io.minerai.core.site.Site;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadInfo;
import io.minerai.dispatch.ReserveOffers;
import io.minerai.dispatch.ledger.Ledger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reserve offers and deferrable GPU jobs of a dispatch, on {@link TinySite} with two additions. */
class DispatchExtrasTest {

    @Test
    void reservesAndDeferrableJobsAreCounted() {
        Site site = TinySite.site(false);
        Ledger base = TinySite.ledger(site);
        Dispatch b = base.dispatch();
        // RRS offers of 1.5 MW in t1 and 2 MW in t3 (t3 is not dispatched); a 1 MW job drawing 0.5 MW in t0, imported
        Dispatch d = new Dispatch(
                b.policyName(),
                b.grid(),
                LoadInfo.of(site),
                b.dispatched(),
                b.runFraction(),
                b.generationMw(),
                new double[] {3.5, 2.5, 0, 0},
                b.exportMw(),
                b.spillMw(),
                new ReserveOffers(List.of("RRS"), new double[] {0, 1.5, 0, 2}),
                new DeferrableWork(List.of(new DeferrableWork.Job("train", 1, 500)), new double[] {0.5, 0, 0, 0}));
        Ledger ledger = TinySite.ledger(d, new double[] {0, 100, 50, 0}, new double[] {0.01, 0.005, 0, 0});
        SustainabilityResult r = SustainabilityAnalysis.run(
                site,
                ledger,
                TinySite.factors(),
                TinySite.settings(new MarketInstruments(false, 0, 0, Optional.empty())));
        assertThat(r.energy().deferrableMwh()).containsExactly(0.5, 0, 0, 0);
        assertThat(r.renewable().consumptionMwh()).isCloseTo(7.0, within(1e-9));
        // 3.5 x 400 + 2.5 x 500 = 2650 kg; the job's 0.5 of t0's 4.5 MWh is attributed to no load class
        assertThat(r.location().emissionsTCo2e()).isCloseTo(2.65, within(1e-9));
        assertThat(r.location().miningTCo2e() + r.location().aiCloudTCo2e())
                .isCloseTo(2.65 - 1.4 * 0.5 / 4.5, within(1e-9));
        assertThat(r.flexibility().reservesOfferedMwh()).isCloseTo(1.5, within(1e-9));
    }
}
