package io.minerai.server.run;

import io.minerai.core.scenario.BitcoinSource;
import io.minerai.core.scenario.PriceSource;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.site.Generator;
import io.minerai.core.site.ProfileSource;
import io.minerai.core.site.Site;
import io.minerai.core.validation.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File references in scenarios run by the server. The server never reads a path a user names: a scenario may use the
 * bundled sources or uploaded datasets, referred to as {@code dataset:<id>}; at run time each referenced dataset is
 * written into the run's private folder and the scenario is pointed at that copy.
 */
public final class ScenarioFiles {
    private static final Pattern REF = Pattern.compile("dataset:(\\d{1,18})");

    private ScenarioFiles() {}

    /** Every file path of the scenario that is not a dataset reference, as problems with field paths. */
    public static List<Problem> problems(Scenario s) {
        List<Problem> out = new ArrayList<>();
        String hint = "the server reads no files named in a scenario: upload the file (POST /api/datasets) and refer"
                + " to it as dataset:<id>, or use a bundled source";
        pricePath(s.prices()).filter(p -> !isRef(p)).ifPresent(p -> out.add(new Problem("prices.path", hint)));
        bitcoinPath(s.bitcoin()).filter(p -> !isRef(p)).ifPresent(p -> out.add(new Problem("bitcoin.path", hint)));
        List<Generator> gens = s.site().generators();
        for (int i = 0; i < gens.size(); i++) {
            if (gens.get(i).profile() instanceof ProfileSource.Csv c && !isRef(c.path())) {
                out.add(new Problem("site.generators[" + i + "].profile.path", hint));
            }
        }
        return out;
    }

    /** Dataset ids the scenario refers to. */
    public static List<Long> references(Scenario s) {
        List<Long> ids = new ArrayList<>();
        pricePath(s.prices()).flatMap(ScenarioFiles::id).ifPresent(ids::add);
        bitcoinPath(s.bitcoin()).flatMap(ScenarioFiles::id).ifPresent(ids::add);
        for (Generator g : s.site().generators()) {
            if (g.profile() instanceof ProfileSource.Csv c) {
                id(c.path()).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /**
     * Writes each referenced dataset into {@code workDir} and returns the scenario pointing at those copies (by
     * relative name, resolved against {@code workDir}).
     */
    public static Scenario materialize(Scenario s, LongFunction<String> content, Path workDir) {
        PriceSource prices = switch (s.prices()) {
            case PriceSource.ErcotSppCsv c -> new PriceSource.ErcotSppCsv(write(c.path(), content, workDir));
            case PriceSource.Csv c ->
                new PriceSource.Csv(write(c.path(), content, workDir), c.timeColumn(), c.valueColumn());
            case PriceSource.ErcotBundled b -> b;
        };
        BitcoinSource bitcoin = switch (s.bitcoin()) {
            case BitcoinSource.CoinMetricsCsv c -> new BitcoinSource.CoinMetricsCsv(write(c.path(), content, workDir));
            case BitcoinSource.CoinMetricsBundled b -> b;
        };
        List<Generator> gens = new ArrayList<>();
        for (Generator g : s.site().generators()) {
            ProfileSource p = g.profile() instanceof ProfileSource.Csv c
                    ? new ProfileSource.Csv(write(c.path(), content, workDir), c.timeColumn(), c.column())
                    : g.profile();
            gens.add(new Generator(g.name(), g.kind(), g.nameplateMw(), p));
        }
        Site site = s.site();
        Site newSite = new Site(
                site.name(),
                site.grid(),
                site.minerFleets(),
                site.gpuClouds(),
                site.colocationLeases(),
                gens,
                site.ppa(),
                site.opex());
        return new Scenario(s.name(), s.description(), s.period(), prices, bitcoin, newSite);
    }

    private static String write(String ref, LongFunction<String> content, Path workDir) {
        long id = id(ref).orElseThrow(() -> new IllegalArgumentException("not a dataset reference: " + ref));
        String name = "dataset-" + id + ".csv";
        try {
            Files.writeString(workDir.resolve(name), content.apply(id), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dataset " + id + " for the run", e);
        }
        return name;
    }

    private static boolean isRef(String path) {
        return REF.matcher(path).matches();
    }

    private static Optional<Long> id(String path) {
        Matcher m = REF.matcher(path);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static Optional<String> pricePath(PriceSource p) {
        return switch (p) {
            case PriceSource.ErcotSppCsv c -> Optional.of(c.path());
            case PriceSource.Csv c -> Optional.of(c.path());
            case PriceSource.ErcotBundled b -> Optional.empty();
        };
    }

    private static Optional<String> bitcoinPath(BitcoinSource b) {
        return switch (b) {
            case BitcoinSource.CoinMetricsCsv c -> Optional.of(c.path());
            case BitcoinSource.CoinMetricsBundled x -> Optional.empty();
        };
    }
}
