package io.minerai.core.market.pack;

import io.minerai.core.market.IntervalConvention;
import io.minerai.core.market.MarketClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The bundled market packs. Figures and dates are cited (sources in /work/shared/reference/DOMAIN.md sections 3 and 8
 * and docs/MARKETS.md); where minerai does not check a limit the value is NaN and the pack says so.
 */
public final class MarketPacks {
    private MarketPacks() {}

    /** First operating day of ERCOT's Real-Time Co-optimization plus Batteries (RTC+B). */
    public static final LocalDate ERCOT_RTC_B = LocalDate.of(2025, 12, 5);

    /** Texas SB 6 effective date. */
    public static final LocalDate TEXAS_SB6 = LocalDate.of(2025, 6, 20);

    /** First delivery day of 15-minute market time units in the European day-ahead coupling (SDAC). */
    public static final LocalDate SDAC_15_MINUTE = LocalDate.of(2025, 10, 1);

    private static final String NOT_CHECKED = "not checked by minerai";

    public static final MarketPack ERCOT = new MarketPack(
            "ercot",
            "ERCOT (Texas)",
            new MarketClock(ZoneId.of("America/Chicago"), IntervalConvention.ENDING),
            DatedValue.always(15, "real-time settlement point prices are 15-minute (ercot.com/mktinfo/rtm)"),
            Currency.getInstance("USD"),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            new DatedValue(List.of(
                    new DatedValue.Entry(
                            LocalDate.of(2015, 6, 1), 9000, "HCAP $9,000/MWh from 2015-06-01 (PUCT §25.505)"),
                    new DatedValue.Entry(
                            LocalDate.of(2022, 1, 1),
                            5000,
                            "HCAP $5,000/MWh from 2022-01-01 (PUCT order 2021-12-02; ERCOT notice M-A120721-01)"))),
            List.of(
                    new Product("ENERGY", "Real-time energy", Product.Kind.ENERGY, Duration.ZERO),
                    Product.reserve("RRS", "Responsive Reserve Service", Duration.ofMinutes(10)),
                    Product.reserve("ECRS", "ERCOT Contingency Reserve Service", Duration.ofMinutes(10)),
                    Product.reserve("NSPIN", "Non-Spinning Reserve", Duration.ofMinutes(30)),
                    Product.reserve("REGUP", "Regulation Up", Duration.ofMinutes(5)),
                    Product.reserve("REGDN", "Regulation Down", Duration.ofMinutes(5))),
            List.of(
                    new ProgramRule(
                            "ercot-4cp",
                            "4CP transmission charge",
                            LocalDate.of(2000, 1, 1),
                            Optional.empty(),
                            false,
                            "16 TAC §25.192: tag = average demand in the four monthly 15-minute system peaks of"
                                    + " June-September; under review in PUCT Project 58484 (opened 2025-08-01)"),
                    new ProgramRule(
                            "ercot-12cp",
                            "12CP on 30-minute intervals with a minimum billing demand (staff proposal)",
                            LocalDate.of(2026, 1, 1),
                            Optional.empty(),
                            true,
                            "PUCT Project 58484 staff proposal (2026): 12 coincident peaks on 30-minute intervals, a"
                                    + " minimum billing demand for large loads; not adopted"),
                    new ProgramRule(
                            "ercot-as-day-ahead",
                            "Ancillary services: day-ahead capacity payments (before RTC+B)",
                            LocalDate.of(2000, 1, 1),
                            Optional.of(ERCOT_RTC_B),
                            false,
                            "ERCOT day-ahead AS market; load resources paid the DA MCPC for capacity awarded"),
                    new ProgramRule(
                            "ercot-rtc-b",
                            "RTC+B: day-ahead AS awards with real-time deviations at real-time MCPC",
                            ERCOT_RTC_B,
                            Optional.empty(),
                            false,
                            "Real-Time Co-optimization plus Batteries, live from operating day 2025-12-05"
                                    + " (pcienergysolutions.com 2025-12-03; tyba.ai)"),
                    new ProgramRule(
                            "ercot-sb6-demand-reduction",
                            "SB 6 demand-reduction service for loads of 75 MW and more",
                            TEXAS_SB6,
                            Optional.empty(),
                            false,
                            "Texas SB 6, effective 2025-06-20: competitively procured, emergencies only, 24-hour"
                                    + " notice (capitol.texas.gov SB00006F)")),
            Optional.of("ercot-fuel-mix"),
            "Real-time prices are the bundled hourly means of ERCOT's 15-minute settlement point prices or an NP6-905"
                    + " file; ORDC adders before RTC+B are inside those prices.");

    public static final MarketPack NEM = new MarketPack(
            "nem",
            "Australian NEM",
            new MarketClock(ZoneOffset.ofHours(10), IntervalConvention.ENDING),
            new DatedValue(List.of(
                    new DatedValue.Entry(LocalDate.of(1998, 12, 13), 30, "30-minute settlement before 2021-10-01"),
                    new DatedValue.Entry(LocalDate.of(2021, 10, 1), 5, "5-minute settlement since 2021-10-01 (AEMC)"))),
            Currency.getInstance("AUD"),
            DatedValue.always(-1000, "market floor price -$1,000/MWh (AEMC)"),
            new DatedValue(List.of(
                    new DatedValue.Entry(LocalDate.of(2023, 7, 1), 16600, "market price cap $16,600 (FY 2023-24)"),
                    new DatedValue.Entry(LocalDate.of(2024, 7, 1), 17500, "market price cap $17,500 (FY 2024-25)"),
                    new DatedValue.Entry(
                            LocalDate.of(2025, 7, 1),
                            20300,
                            "market price cap $20,300 (FY 2025-26; AEMC rule 2023-12-07 plus CPI)"))),
            List.of(
                    new Product("ENERGY", "Energy (regional reference price)", Product.Kind.ENERGY, Duration.ZERO),
                    Product.reserve("RAISE1SEC", "Very fast raise contingency", Duration.ofSeconds(1)),
                    Product.reserve("RAISE6SEC", "Fast raise contingency", Duration.ofSeconds(6)),
                    Product.reserve("RAISE60SEC", "Slow raise contingency", Duration.ofSeconds(60)),
                    Product.reserve("RAISE5MIN", "Delayed raise contingency", Duration.ofMinutes(5)),
                    Product.reserve("RAISEREG", "Regulation raise", Duration.ofMinutes(5))),
            List.of(new ProgramRule(
                    "nem-fcas",
                    "FCAS raise services from curtailable load",
                    LocalDate.of(2021, 10, 1),
                    Optional.empty(),
                    false,
                    "NEM FCAS contingency and regulation markets, co-optimised with energy every 5 minutes")),
            Optional.empty(),
            "The administered price cap ($600/MWh when the 7-day cumulative price threshold is exceeded) is inside the"
                    + " published prices; FCAS prices are not shared with minerai and come from user files.");

    public static final MarketPack PJM = new MarketPack(
            "pjm",
            "PJM Interconnection",
            new MarketClock(ZoneId.of("America/New_York"), IntervalConvention.STARTING),
            DatedValue.always(5, "5-minute real-time settlement (PJM, since 2018); Data Miner hourly LMPs roll it up"),
            Currency.getInstance("USD"),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            List.of(
                    new Product("ENERGY", "Real-time LMP", Product.Kind.ENERGY, Duration.ZERO),
                    new Product("CAPACITY", "RPM capacity (UCAP)", Product.Kind.CAPACITY, Duration.ZERO)),
            List.of(new ProgramRule(
                    "pjm-capacity",
                    "Capacity obligation from the five summer coincident peaks (5CP)",
                    LocalDate.of(2007, 6, 1),
                    Optional.empty(),
                    false,
                    "PJM RPM: a load's peak load contribution follows its demand in the five summer coincident peak"
                            + " hours; charged at the delivery year's clearing price ($/MW-day)")),
            Optional.empty(),
            "Locational scaling factors (obligation peak load, forecast pool requirement) are 1 unless given.");

    public static final MarketPack EU_DAY_AHEAD = new MarketPack(
            "eu-day-ahead",
            "European day-ahead (SDAC)",
            new MarketClock(ZoneId.of("Europe/Brussels"), IntervalConvention.STARTING),
            new DatedValue(List.of(
                    new DatedValue.Entry(LocalDate.of(2000, 1, 1), 60, "hourly market time units before 2025-10-01"),
                    new DatedValue.Entry(
                            SDAC_15_MINUTE, 15, "15-minute market time units from delivery day 2025-10-01 (SDAC)"))),
            Currency.getInstance("EUR"),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            List.of(new Product("ENERGY", "Day-ahead energy", Product.Kind.ENERGY, Duration.ZERO)),
            List.of(),
            Optional.empty(),
            "The site buys at the day-ahead price of its bidding zone; network charges are tariff adders.");

    /** Listed for completeness; a generic market's clock, currency and step come from its declared data file. */
    public static final MarketPack GENERIC = new MarketPack(
            "generic",
            "Generic market (declared CSV)",
            MarketClock.UTC_STARTING,
            DatedValue.always(Double.NaN, "declared by the price file"),
            Currency.getInstance("USD"),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            DatedValue.always(Double.NaN, NOT_CHECKED),
            List.of(new Product("ENERGY", "Energy", Product.Kind.ENERGY, Duration.ZERO)),
            List.of(),
            Optional.empty(),
            "Clock, currency and step are those the price file declares.");

    /** Every pack. */
    public static List<MarketPack> all() {
        return List.of(ERCOT, NEM, PJM, EU_DAY_AHEAD, GENERIC);
    }

    /** The pack with this id. */
    public static Optional<MarketPack> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The ids, for messages. */
    public static List<String> ids() {
        return all().stream().map(MarketPack::id).toList();
    }
}
