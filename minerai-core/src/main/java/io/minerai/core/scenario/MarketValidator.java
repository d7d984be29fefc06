package io.minerai.core.scenario;

import io.minerai.core.market.MarketDataSource;
import io.minerai.core.market.MarketFields;
import io.minerai.core.market.pack.MarketPack;
import io.minerai.core.market.pack.MarketPacks;
import io.minerai.core.market.pack.Product;
import io.minerai.core.market.pack.ProgramRule;
import io.minerai.core.validation.Problems;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rules between the scenario's market, its price source and its programs: the pack and the prices agree, a market not
 * in USD states its exchange rate, a declared price file matches the market's currency and settlement step, every
 * program belongs to the pack and is in force at some day of the period, every reserve product is one the market has.
 */
final class MarketValidator {
    private MarketValidator() {}

    static void validate(Scenario s, Problems p) {
        MarketSettings m = s.market();
        Optional<MarketPack> found = MarketPacks.find(m.pack());
        if (found.isEmpty()) {
            p.add("market.pack", "unknown market pack '" + m.pack() + "'; known: " + MarketPacks.ids());
            return;
        }
        MarketPack pack = found.get();
        prices(s, pack, p);
        fx(s, pack, p);
        dataSources(s, pack, p);
        programs(s, pack, p);
    }

    private static void prices(Scenario s, MarketPack pack, Problems p) {
        MarketSettings m = s.market();
        boolean fromMarket = s.prices() instanceof PriceSource.Market;
        if (fromMarket && m.data().prices().isEmpty()) {
            p.add("market.data.prices", "is required with prices: {source: market}");
        }
        if (!fromMarket && m.data().prices().isPresent()) {
            p.add("prices.source", "must be 'market' when market.data.prices names the prices (they are given twice)");
        }
        boolean ercotSource =
                s.prices() instanceof PriceSource.ErcotBundled || s.prices() instanceof PriceSource.ErcotSppCsv;
        if (ercotSource && !pack.id().equals("ercot")) {
            p.add(
                    "prices.source",
                    "is an ERCOT source but market.pack is '" + pack.id() + "': give the " + pack.name()
                            + " prices in market.data.prices with prices: {source: market}");
        }
        if (!pack.inUsd() && s.prices() instanceof PriceSource.Csv) {
            p.add(
                    "prices.source",
                    "a plain price CSV is read as USD, but the " + pack.name() + " publishes prices in "
                            + pack.currency().getCurrencyCode()
                            + ": give them in market.data.prices with their currency");
        }
        if (!m.rules().equals("by-date") && !pack.id().equals("ercot")) {
            p.add("market.rules", "'" + m.rules() + "' is an ERCOT rule set; the " + pack.name() + " has by-date only");
        }
        if (m.rules().equals("rtc-b") || m.rules().equals("ercot-2024")) {
            // a fixed rule set is a what-if: allowed at any date, said in reports
            return;
        }
    }

    private static void fx(Scenario s, MarketPack pack, Problems p) {
        MarketSettings m = s.market();
        String code = m.currency(pack).getCurrencyCode();
        boolean inUsd = code.equals("USD");
        if (!inUsd && m.fx().isEmpty()) {
            p.add(
                    "market.fx",
                    "is required: the " + pack.name() + " publishes prices in " + code
                            + "; state USD per " + code + " (source: constant, usdPerUnit: ..., with where the figure"
                            + " comes from) or a daily-csv of rates");
        }
        if (inUsd && m.fx().isPresent()) {
            p.add("market.fx", "the " + pack.name() + " publishes prices in USD; no exchange rate applies");
        }
    }

    private static void dataSources(Scenario s, MarketPack pack, Problems p) {
        MarketSettings.MarketData d = s.market().data();
        LocalDate first =
                LocalDate.ofInstant(s.period().startUtc(), pack.clock().zone());
        d.prices().ifPresent(src -> priceSource(src, "market.data.prices", pack, first, p));
        d.dayAheadPrices().ifPresent(src -> priceSource(src, "market.data.dayAheadPrices", pack, null, p));
        d.systemLoad().ifPresent(src -> p.addAll(src.problems("market.data.systemLoad")));
        products(d.ancillaryPrices(), "market.data.ancillaryPrices", pack, p);
        products(d.realTimeAncillaryPrices(), "market.data.realTimeAncillaryPrices", pack, p);
        if (!d.realTimeAncillaryPrices().isEmpty() && !pack.id().equals("ercot")) {
            p.add("market.data.realTimeAncillaryPrices", "only ERCOT after RTC+B settles real-time AS deviations");
        }
    }

    private static void priceSource(
            MarketDataSource src,
            String path,
            MarketPack pack,
            @org.jspecify.annotations.Nullable LocalDate day,
            Problems p) {
        p.addAll(src.problems(path));
        if (src instanceof MarketDataSource.Csv c) {
            String code = pack.currency().getCurrencyCode();
            if (c.currency().isEmpty()) {
                if (!pack.inUsd()) {
                    p.add(path + ".currency", "is required: the " + pack.name() + " publishes prices in " + code);
                }
            } else if (!pack.id().equals("generic")
                    && MarketFields.currency(c.currency().get())
                            .filter(cur -> !cur.equals(pack.currency()))
                            .isPresent()) {
                p.add(
                        path + ".currency",
                        "is " + c.currency().get() + " but the " + pack.name() + " settles in " + code);
            }
            if (day != null
                    && !pack.id().equals("generic")
                    && MarketFields.stepProblem(c.step()).isEmpty()) {
                Duration declared = FieldReader.parseDuration(c.step());
                Duration market = pack.settlementStep(day);
                if (!declared.equals(market)
                        && !(pack.id().equals("pjm") || pack.id().equals("ercot")) // hourly roll-ups are published
                ) {
                    p.add(
                            path + ".step",
                            "is " + c.step() + " but the " + pack.name() + " settles every " + market.toMinutes()
                                    + " minutes on " + day);
                }
            }
        }
    }

    private static void products(List<MarketSettings.ProductPrices> list, String path, MarketPack pack, Problems p) {
        for (int i = 0; i < list.size(); i++) {
            MarketSettings.ProductPrices pp = list.get(i);
            if (!hasReserve(pack, pp.product())) {
                p.add(
                        path + "[" + i + "].product",
                        "'" + pp.product() + "' is not a reserve product of the " + pack.name() + "; it has "
                                + reserveIds(pack));
            }
            p.addAll(pp.source().problems(path + "[" + i + "].prices"));
        }
    }

    private static void programs(Scenario s, MarketPack pack, Problems p) {
        MarketPrograms mp = s.markets();
        LocalDate first =
                LocalDate.ofInstant(s.period().startUtc(), pack.clock().zone());
        LocalDate last = LocalDate.ofInstant(
                s.period().endUtc().minusSeconds(1), pack.clock().zone());
        mp.coincidentPeak().ifPresent(c -> {
            String id = c.variant() == CoincidentPeakProgram.Variant.TWELVE_CP ? "ercot-12cp" : "ercot-4cp";
            requireProgram(pack, id, "markets.coincidentPeak", first, last, p);
            if (c.variant() == CoincidentPeakProgram.Variant.FOUR_CP && c.minimumBillingMw() > 0) {
                p.add("markets.coincidentPeak.minimumBillingMw", "applies to the 12cp what-if only (variant: 12cp)");
            }
        });
        mp.ancillary().ifPresent(a -> {
            if (pack.reserves().isEmpty()) {
                p.add("markets.ancillary", "the " + pack.name() + " pack has no reserve products");
            }
            for (String product : a.products()) {
                if (!hasReserve(pack, product)) {
                    p.add(
                            "markets.ancillary",
                            "offers " + product + ", not a reserve product of the " + pack.name() + "; it has "
                                    + reserveIds(pack));
                }
            }
            if (pack.id().equals("nem")) {
                for (String product : a.products()) {
                    boolean priced = s.market().data().ancillaryPrices().stream()
                            .anyMatch(x -> x.product().equals(product));
                    if (!priced) {
                        p.add(
                                "market.data.ancillaryPrices",
                                "has no prices for " + product + " (FCAS prices are not bundled: give a file)");
                    }
                }
            }
        });
        mp.demandReduction().ifPresent(d -> {
            requireProgram(pack, "ercot-sb6-demand-reduction", "markets.demandReduction", first, last, p);
            if (last.isBefore(d.from())) {
                p.add(
                        "markets.demandReduction.from",
                        "the service is in force from " + d.from() + ", after the whole period (" + first + " .. "
                                + last + ")");
            }
            if (d.firmServiceLevelMw() >= s.site().grid().importCapMw()) {
                p.add(
                        "markets.demandReduction.firmServiceLevelMw",
                        "is " + d.firmServiceLevelMw() + " MW, not below the import cap of "
                                + s.site().grid().importCapMw() + " MW: nothing is committed");
            }
        });
        mp.flexibleCompute().ifPresent(fc -> {
            double cap = s.site().grid().importCapMw();
            if (fc.firmLevelMw() >= cap) {
                p.add(
                        "markets.flexibleCompute.firmLevelMw",
                        "is " + fc.firmLevelMw() + " MW, not below the import cap of " + cap
                                + " MW: an event would ask for no reduction");
            }
            if (fc.committedMw() > cap) {
                p.add(
                        "markets.flexibleCompute.committedMw",
                        "is " + fc.committedMw() + " MW, more than the import cap of " + cap + " MW");
            }
            if (s.site().gpuClouds().isEmpty()) {
                p.add(
                        "markets.flexibleCompute",
                        "is a contract for flexible GPU load, but the site has no gpuClouds (for miners alone use"
                                + " markets.demandReduction)");
            }
        });
        mp.capacityObligation().ifPresent(c -> {
            requireProgram(pack, "pjm-capacity", "markets.capacityObligation", first, last, p);
            if (c.peaks() instanceof CapacityObligationProgram.PeakHours.FromSystemLoad
                    && s.market().data().systemLoad().isEmpty()) {
                p.add(
                        "markets.capacityObligation.peakHours",
                        "is required without market.data.systemLoad: list the five peak hours (PJM publishes them)");
            }
            if (c.peaks() instanceof CapacityObligationProgram.PeakHours.Listed l
                    && l.hoursUtc().size() != 5) {
                p.add(
                        "markets.capacityObligation.peakHours",
                        "must list 5 hours, has " + l.hoursUtc().size());
            }
        });
    }

    private static void requireProgram(
            MarketPack pack, String id, String path, LocalDate first, LocalDate last, Problems p) {
        Optional<ProgramRule> rule = pack.program(id);
        if (rule.isEmpty()) {
            p.add(path, "is not a program of the " + pack.name() + " (market.pack: " + pack.id() + ")");
            return;
        }
        if (!rule.get().overlaps(first, last)) {
            p.add(
                    path,
                    rule.get().name() + " is in force " + rule.get().datesText() + ", outside the whole period ("
                            + first + " .. " + last + ")");
        }
    }

    private static boolean hasReserve(MarketPack pack, String product) {
        return pack.reserves().stream().anyMatch(r -> r.id().equals(product));
    }

    private static String reserveIds(MarketPack pack) {
        List<String> ids = pack.reserves().stream().map(Product::id).toList();
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }
}
