package io.minerai.portfolio;

import io.minerai.portfolio.model.Portfolio;
import java.util.List;

/**
 * A portfolio with every site's scenario and plan read and checked.
 *
 * @param portfolio the document
 * @param source what the document is, for messages ("portfolio my.yaml" or the bundled example)
 * @param sites the company's sites, in document order
 * @param targets per acquisition (document order), its sites
 * @param text the document's text (a worker in another JVM reads it again)
 * @param folder where the files it names are
 * @param today the day closing dates were checked against
 */
public record LoadedPortfolio(
        Portfolio portfolio,
        String source,
        List<LoadedSite> sites,
        List<List<LoadedSite>> targets,
        String text,
        DocumentFolder folder,
        java.time.LocalDate today) {
    public LoadedPortfolio {
        sites = List.copyOf(sites);
        targets = targets.stream().map(List::copyOf).toList();
    }

    /** The same sites with another document (e.g. other paths or seed). */
    public LoadedPortfolio with(Portfolio p) {
        return new LoadedPortfolio(p, source, sites, targets, text, folder, today);
    }
}
