package io.minerai.cli.sustainability;

import io.minerai.core.scenario.Scenario;
import io.minerai.dispatch.DispatchResult;
import io.minerai.report.ReportWriter;
import io.minerai.sustainability.SustainabilityAnalysis;
import io.minerai.sustainability.SustainabilityResult;
import io.minerai.sustainability.report.SustainabilityFiles;
import io.minerai.sustainability.report.SustainabilitySections;
import java.io.IOException;
import java.nio.file.Path;

/** What {@code backtest --sustainability} adds: the sustainability files and a section of the backtest report. */
public final class SustainabilityOption {
    private SustainabilityOption() {}

    /**
     * Computes the sustainability result of a backtest, writes its files into {@code dir} and adds its section and
     * appendix to the report about to be written.
     *
     * @return what was written
     */
    public static SustainabilityFiles.Written addTo(
            ReportWriter report, Scenario scenario, DispatchResult result, Path baseDir, Path dir) throws IOException {
        SustainabilityResult r = SustainabilityAnalysis.forScenario(scenario, result, baseDir);
        SustainabilityFiles.Written w = SustainabilityFiles.write(r, dir);
        report.section(SustainabilitySections.main(r, w.images())).appendix(SustainabilitySections.appendix(r));
        return w;
    }
}
