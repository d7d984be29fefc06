package io.minerai.core.market.pack;

import io.minerai.core.market.MarketClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * One market as a plug-in: how its publishers stamp time, how often it settles, its currency and price limits, the
 * products it clears and the programs it has, each with the dates it is in force. Every figure carries its source.
 *
 * @param id key used in scenarios ({@code market.pack}), e.g. {@code ercot}, {@code nem}
 * @param name human name
 * @param clock the publishers' clock (zone, interval-starting or -ending)
 * @param settlementStepMinutes the real-time settlement interval in minutes, by date
 * @param currency the currency prices are published in
 * @param priceFloorPerMwh the market price floor by date, in {@code currency}/MWh (NaN where none is checked)
 * @param priceCapPerMwh the market price cap by date, in {@code currency}/MWh (NaN where none is checked); published
 *     prices may exceed an offer cap slightly through adders, so a price above it is a warning, not an error
 * @param products energy, reserves and capacity products
 * @param programs programs and rule sets with their dates
 * @param bundledGridFactors the bundled source of hourly grid emission factors for this market, if minerai has one
 * @param notes what the pack does not model, for reports
 */
public record MarketPack(
        String id,
        String name,
        MarketClock clock,
        DatedValue settlementStepMinutes,
        Currency currency,
        DatedValue priceFloorPerMwh,
        DatedValue priceCapPerMwh,
        List<Product> products,
        List<ProgramRule> programs,
        Optional<String> bundledGridFactors,
        String notes) {

    public MarketPack {
        products = List.copyOf(products);
        programs = List.copyOf(programs);
    }

    /** The settlement step in force on {@code day}. */
    public Duration settlementStep(LocalDate day) {
        double m = settlementStepMinutes.valueOn(day);
        return Duration.ofMinutes(
                (long) (Double.isNaN(m) ? settlementStepMinutes.entries().get(0).value() : m));
    }

    /** The program rule with this id, if the pack has it. */
    public Optional<ProgramRule> program(String programId) {
        return programs.stream().filter(p -> p.id().equals(programId)).findFirst();
    }

    /** The reserve products. */
    public List<Product> reserves() {
        return products.stream().filter(p -> p.kind() == Product.Kind.RESERVE).toList();
    }

    /** Whether the pack's market settles in USD. */
    public boolean inUsd() {
        return currency.getCurrencyCode().equals("USD");
    }
}
