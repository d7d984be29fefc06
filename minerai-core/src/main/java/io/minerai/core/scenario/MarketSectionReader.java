package io.minerai.core.scenario;

import io.minerai.core.market.MarketDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the scenario's {@code market} section and the market programs added for market packs. */
final class MarketSectionReader {
    private MarketSectionReader() {}

    /** The first day of SB 6's demand-reduction service when the scenario names none. */
    static final LocalDate SB6_EFFECTIVE = LocalDate.of(2025, 6, 20);

    static MarketSettings market(FieldReader r, ObjectSpec spec) {
        String pack = r.enumValue("pack");
        Optional<String> node = r.has("node") ? Optional.of(r.string("node")) : Optional.empty();
        String rules = r.enumValue("rules");
        MarketSettings.MarketData data = r.object("data", ScenarioSchema.MARKET_DATA, MarketSectionReader::data)
                .orElse(MarketSettings.MarketData.NONE);
        Optional<MarketSettings.Fx> fx = r.object("fx", ScenarioSchema.FX, MarketSectionReader::fx);
        return new MarketSettings(pack, node, rules, data, fx, true);
    }

    private static MarketSettings.MarketData data(FieldReader r, ObjectSpec spec) {
        return new MarketSettings.MarketData(
                r.object("prices", ScenarioSchema.MARKET_DATA_SOURCE, MarketSectionReader::source),
                r.object("dayAheadPrices", ScenarioSchema.MARKET_DATA_SOURCE, MarketSectionReader::source),
                r.object("systemLoad", ScenarioSchema.MARKET_DATA_SOURCE, MarketSectionReader::source),
                r.list("ancillaryPrices", ScenarioSchema.PRODUCT_PRICES, MarketSectionReader::productPrices),
                r.list("realTimeAncillaryPrices", ScenarioSchema.PRODUCT_PRICES, MarketSectionReader::productPrices));
    }

    private static MarketSettings.ProductPrices productPrices(FieldReader r, ObjectSpec spec) {
        MarketDataSource src = r.object("prices", ScenarioSchema.MARKET_DATA_SOURCE, MarketSectionReader::source)
                .orElse(new MarketDataSource.Bundled("(missing)"));
        return new MarketSettings.ProductPrices(r.string("product"), src);
    }

    static MarketDataSource source(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "bundled" -> new MarketDataSource.Bundled(r.string("dataset"));
            case "publisher-file" -> new MarketDataSource.PublisherFile(r.string("path"), r.enumValue("format"));
            default ->
                new MarketDataSource.Csv(
                        r.string("path"),
                        r.string("timeColumn"),
                        r.string("valueColumn"),
                        r.has("currency") ? Optional.of(r.string("currency")) : Optional.empty(),
                        r.string("zone"),
                        r.enumValue("convention"),
                        r.string("step"),
                        r.has("timeFormat") ? Optional.of(r.string("timeFormat")) : Optional.empty());
        };
    }

    private static MarketSettings.Fx fx(FieldReader r, ObjectSpec spec) {
        return switch (r.enumValue("source")) {
            case "daily-csv" ->
                new MarketSettings.Fx.DailyCsv(r.string("path"), r.string("dateColumn"), r.string("rateColumn"));
            default -> new MarketSettings.Fx.Constant(r.number("usdPerUnit"));
        };
    }

    static AncillaryProgram ancillary(FieldReader a, ObjectSpec spec) {
        List<String> other = new ArrayList<>();
        for (String p : a.string("otherProducts").split(",")) {
            if (!p.isBlank()) {
                other.add(p.strip());
            }
        }
        return new AncillaryProgram(
                a.bool("offerRrs"),
                a.bool("offerEcrs"),
                a.bool("offerNonSpin"),
                a.number("maxOfferFraction"),
                a.bool("offerRegUp"),
                other,
                "controllable-load-resource".equals(a.enumValue("participation"))
                        ? AncillaryProgram.Participation.CONTROLLABLE_LOAD_RESOURCE
                        : AncillaryProgram.Participation.LOAD_RESOURCE);
    }

    static DemandReductionProgram demandReduction(FieldReader r, ObjectSpec spec) {
        DemandReductionProgram.EventSource events = r.object(
                        "events", ScenarioSchema.DEMAND_REDUCTION_EVENTS, (e, s) -> switch (e.enumValue("source")) {
                            case "csv" ->
                                new DemandReductionProgram.EventSource.Csv(
                                        e.string("path"), e.string("startColumn"), e.string("endColumn"));
                            default ->
                                new DemandReductionProgram.EventSource.PriceAtLeast(e.number("thresholdUsdPerMwh"));
                        })
                .orElse(new DemandReductionProgram.EventSource.PriceAtLeast(Double.POSITIVE_INFINITY));
        LocalDate from = r.has("from") ? LocalDate.ofInstant(r.instant("from"), ZoneOffset.UTC) : SB6_EFFECTIVE;
        return new DemandReductionProgram(
                r.number("committedMw"),
                r.number("firmServiceLevelMw"),
                r.number("availabilityUsdPerMwHour"),
                r.number("penaltyUsdPerMwh"),
                r.number("noticeHours"),
                from,
                events);
    }

    static FlexibleComputeProgram flexibleCompute(FieldReader r, ObjectSpec spec) {
        DemandReductionProgram.EventSource.Csv events = r.object(
                        "events",
                        ScenarioSchema.FLEXIBLE_COMPUTE_EVENTS,
                        (e, s) -> new DemandReductionProgram.EventSource.Csv(
                                e.string("path"), e.string("startColumn"), e.string("endColumn")))
                .orElse(new DemandReductionProgram.EventSource.Csv("", "start", "end")); // required: reported
        boolean perMonth = r.has("availabilityUsdPerMwMonth");
        boolean perHour = r.has("availabilityUsdPerMwHour");
        if (perMonth == perHour) {
            r.problems().add(r.path(), "give one of availabilityUsdPerMwMonth and availabilityUsdPerMwHour");
        }
        FlexibleComputeProgram.Availability availability = perMonth
                ? new FlexibleComputeProgram.Availability.PerMwMonth(r.number("availabilityUsdPerMwMonth"))
                : new FlexibleComputeProgram.Availability.PerMwHour(perHour ? r.number("availabilityUsdPerMwHour") : 0);
        return new FlexibleComputeProgram(
                r.number("committedMw"),
                r.number("firmLevelMw"),
                availability,
                r.number("clawbackFraction"),
                r.number("noticeHours"),
                events);
    }

    static CapacityObligationProgram capacityObligation(FieldReader r, ObjectSpec spec) {
        List<Instant> hours = r.list("peakHours", ScenarioSchema.PEAK_HOUR, (h, s) -> h.instant("start"));
        CapacityObligationProgram.PeakHours peaks = hours.isEmpty()
                ? new CapacityObligationProgram.PeakHours.FromSystemLoad()
                : new CapacityObligationProgram.PeakHours.Listed(hours);
        return new CapacityObligationProgram(r.string("lda"), r.number("scalingFactor"), peaks);
    }
}
