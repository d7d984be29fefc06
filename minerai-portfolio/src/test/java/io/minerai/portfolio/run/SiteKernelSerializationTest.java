package io.minerai.portfolio.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minerai.portfolio.LoadedPortfolio;
import io.minerai.portfolio.PortfolioReader;
import io.minerai.portfolio.engine.Candidate;
import io.minerai.portfolio.engine.FleetMove;
import io.minerai.portfolio.engine.PortfolioEvaluation;
import io.minerai.portfolio.engine.SiteKernel;
import io.minerai.portfolio.engine.SiteModel;
import io.minerai.portfolio.engine.SiteTask;
import io.minerai.portfolio.engine.SiteTaskResult;
import io.minerai.portfolio.model.Portfolio;
import io.minerai.sweep.TaskContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A site kernel shipped to another JVM (as Spark ships it: Java serialization) loses its heavy state and rebuilds it
 * from its recipe; its results are the same bits as the kernel that never left (the bundled example, 3 paths).
 */
class SiteKernelSerializationTest {
    @Test
    void aKernelRebuiltFromItsRecipeGivesTheSameBits() throws Exception {
        LoadedPortfolio lp = PortfolioReader.bundledExample(LocalDate.of(2026, 12, 5));
        PortfolioRunner.Request req = new PortfolioRunner.Request(
                OptionalInt.of(3),
                OptionalLong.of(11),
                java.util.Optional.empty(),
                false,
                new io.minerai.sweep.InProcessExecutor(1),
                3);
        Portfolio p = PortfolioRunner.effective(lp.portfolio(), req);
        PortfolioRunner.Models m = PortfolioRunner.models(lp, p);
        List<SiteModel> all = new ArrayList<>(m.sites());
        all.addAll(m.targets().get(0).sites());
        List<Candidate> cands = new ArrayList<>();
        cands.addAll(PortfolioEvaluation.candidates(all.get(2), 2, p.company().startDelaysMonths(), false));
        Candidate toTarget = PortfolioEvaluation.candidates(
                        all.get(3), 3, p.company().startDelaysMonths(), false)
                .get(0);
        cands.add(PortfolioEvaluation.withMoveIn(
                toTarget, new FleetMove("west-texas", all.get(3).name(), 3, 5, 10, 10 / 17.5, 17.5, 1.1, 400_000)));
        SiteKernel here = new SiteKernel(
                new SiteKernel.State(all, cands),
                PortfolioRecipe.factory(lp, req, lp.today()).recipe(cands));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(here);
        }
        SiteKernel shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (SiteKernel) in.readObject();
        }
        for (int c : new int[] {1, cands.size() - 1}) {
            SiteTask task = new SiteTask(c, 0, 3);
            SiteTaskResult a = here.evaluate(task, new TaskContext(11, c));
            SiteTaskResult b = shipped.evaluate(task, new TaskContext(11, c));
            assertEquals(a.candidate(), b.candidate());
            assertArrayEquals(a.npvUsd(), b.npvUsd());
            assertArrayEquals(a.cfadsUsd(), b.cfadsUsd());
            assertArrayEquals(a.debtServiceUsd(), b.debtServiceUsd());
            assertArrayEquals(a.equityUsd(), b.equityUsd());
        }
    }
}
