package io.minerai.optimize;

import io.minerai.core.scenario.OptimizeSettings.GpuJob;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.DeferrableWork;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.ReserveOffers;
import java.util.ArrayList;
import java.util.List;

/** Full-grid decision arrays that solved windows are written into, then turned into a {@link Dispatch}. */
public final class DispatchArrays {
    final TimeGrid grid;
    final SiteTerms terms;
    final List<String> products;
    final boolean[] dispatched;
    final double[] runFraction;
    final double[] generationMw;
    final double[] importMw;
    final double[] exportMw;
    final double[] spillMw;
    final double[] reserveMw;
    final double[] jobMw;

    public DispatchArrays(TimeGrid grid, SiteTerms terms, List<String> products) {
        this.grid = grid;
        this.terms = terms;
        this.products = List.copyOf(products);
        int n = grid.count();
        dispatched = new boolean[n];
        runFraction = new double[n * terms.loadCount()];
        generationMw = new double[n];
        importMw = new double[n];
        exportMw = new double[n];
        spillMw = new double[n];
        reserveMw = new double[n * products.size()];
        jobMw = new double[n * terms.jobs().size()];
    }

    public Dispatch toDispatch(String policyName) {
        List<DeferrableWork.Job> jobs = new ArrayList<>();
        for (GpuJob j : terms.jobs()) {
            jobs.add(new DeferrableWork.Job(j.name(), j.maxPowerMw(), j.valueUsdPerMwh(), j.facilityKwPerGpu()));
        }
        return new Dispatch(
                policyName,
                grid,
                terms.loads(),
                dispatched,
                runFraction,
                generationMw,
                importMw,
                exportMw,
                spillMw,
                new ReserveOffers(products, reserveMw),
                new DeferrableWork(jobs, jobMw),
                terms.pue());
    }
}
