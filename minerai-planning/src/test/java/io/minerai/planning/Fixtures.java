package io.minerai.planning;

import io.minerai.planning.engine.BtcReturns;
import io.minerai.planning.engine.MarketData;
import io.minerai.planning.engine.PowerDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test inputs. Everything here is SYNTHETIC (seeded random numbers), labelled as such; never real market data. */
public final class Fixtures {
    private Fixtures() {}

    /** Synthetic daily BTC log-returns: normal, 3.5 % daily sd, seeded. */
    public static BtcReturns syntheticReturns(long seed, int days) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[days];
        for (int i = 0; i < days; i++) {
            x[i] = 0.035 * r.nextGaussian();
        }
        return new BtcReturns("synthetic: normal 3.5 %/day, seed " + seed, x);
    }

    /** Synthetic power days for a year: a daily shape around $35/MWh plus noise and rare spikes, seeded. */
    public static List<PowerDay> syntheticPowerDays(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PowerDay> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 366; i++) {
            double[] p = new double[24];
            for (int h = 0; h < 24; h++) {
                double shape = 25 + 20 * Math.max(0, Math.sin((h - 8) / 24.0 * 2 * Math.PI));
                p[h] = shape + 8 * r.nextGaussian() + (r.nextDouble() < 0.01 ? 800 * r.nextDouble() : 0);
            }
            out.add(new PowerDay(d.plusDays(i), p));
        }
        return out;
    }

    public static MarketData syntheticData() {
        return new MarketData(syntheticReturns(7, 2000), syntheticPowerDays(11));
    }

    /** A small valid plan with a deck or ERCOT-style source, as YAML. */
    public static String smallPlanYaml(String power) {
        return """
                plan:
                  name: small
                  start: 2026-01
                  horizonMonths: 60
                  site: {name: test, gridMw: 100, siteOpexUsdPerMonth: 200000, overheadUsdPerMonth: 100000}
                  power: %s
                  bitcoin:
                    startPriceUsdPerBtc: 90000
                    startNetworkHashrateEhPerS: 1100
                    feesBtcPerBlock: 0.03
                    startBlockHeight: 1040000
                  mining: {hashrateEhPerS: 5.5, efficiencyJPerTh: 17.5, pue: 1.1, opexUsdPerMwMonth: 3000}
                  halls:
                    - {name: h1, criticalItMw: 40, cooling: liquid, startMonth: 2, leadTimeMonths: 6, capexUsdPerMwCriticalIt: 8000000}
                  gpuClouds:
                    - {name: g1, hall: h1, gpuCount: 15000, priceUsdPerGpuHour: 2.5}
                  leases:
                    - {name: l1, hall: h1, criticalItMw: 20, usdPerKwMonth: 150, termMonths: 48, startMonth: 8,
                       annualDefaultProbability: 0.05, backstopFraction: 0.4}
                  asicPurchases:
                    - {name: a1, month: 6, hashrateEhPerS: 1, usdPerTh: 15, efficiencyJPerTh: 13}
                  financing:
                    facilities:
                      - {name: pf, kind: project-finance, finances: h1, loanToCost: 0.6, ratePerYear: 0.09, tenorMonths: 48}
                      - {name: tl, kind: term-loan, amountUsd: 20000000, drawMonth: 0, ratePerYear: 0.1, tenorMonths: 36}
                      - {name: notes, kind: lease-backed-notes, lease: l1, advanceFraction: 0.6, ratePerYear: 0.07, tenorMonths: 40}
                  valuation: {terminalEbitdaMultiple: 4}
                  strategies:
                    - {name: mine}
                    - {name: gpu, halls: [h1], gpuClouds: [g1], facilities: [pf]}
                    - {name: lease, halls: [h1], leases: [l1], asicPurchases: [a1], facilities: [pf, tl, notes]}
                  uncertainty: {paths: 300, seed: 5}
                """.formatted(power);
    }

    /**
     * A plan small enough to check on paper (SYNTHETIC figures): no mining (0 EH/s), no tax, no site costs; a 10 MW
     * air-cooled hall built over months 0-1 for $10 M (no cooling capex), ready in month 2 and leased from then for
     * 22 months at $100/kW-month (= $1,000,000 a month, NOI margin 1, no escalator, no default). Two ways to finance
     * it: 60 % project finance at 12 %/yr over 12 annuity payments ({@code lease-pf}), or a $2 M term loan drawn in
     * month 2 at 0 % repaid in 2 months ({@code lease-tl}, DSCR 1.0 in both months of service: a breach of 1.25).
     */
    public static String lenderPlanYaml() {
        return """
                plan:
                  name: lender
                  start: 2026-01
                  horizonMonths: 24
                  site: {name: paper, gridMw: 100}
                  power: {source: deck, usdPerMwh: 40}
                  bitcoin: {startPriceUsdPerBtc: 90000, startNetworkHashrateEhPerS: 1100, startBlockHeight: 1040000}
                  mining: {hashrateEhPerS: 0, efficiencyJPerTh: 17.5}
                  cooling:
                    air: {pue: 1.4, capexUsdPerMwIt: 0}
                  halls:
                    - {name: h, criticalItMw: 10, cooling: air, startMonth: 0, leadTimeMonths: 2, capexUsdPerMwCriticalIt: 1000000}
                  leases:
                    - {name: l, hall: h, criticalItMw: 10, usdPerKwMonth: 100, escalatorPerYear: 0, termMonths: 22,
                       startMonth: 2, noiMarginFraction: 1}
                  financing:
                    minDscr: 1.25
                    dscrWindowMonths: 3
                    facilities:
                      - {name: pf, kind: project-finance, finances: h, loanToCost: 0.6, ratePerYear: 0.12, tenorMonths: 12}
                      - {name: tl, kind: term-loan, amountUsd: 2000000, drawMonth: 2, ratePerYear: 0, tenorMonths: 2}
                  valuation: {discountRatePerYear: 0.12, taxRate: 0, terminalEbitdaMultiple: 0}
                  strategies:
                    - {name: idle}
                    - {name: lease-pf, halls: [h], leases: [l], facilities: [pf]}
                    - {name: lease-tl, halls: [h], leases: [l], facilities: [tl]}
                  uncertainty: {paths: 40, seed: 3, btcVolatilityScale: 0, hashrateNoisePerMonth: 0,
                    feesLogSdPerMonth: 0, gpuDeclineSdPerYear: 0, powerResampling: false, tenantDefaults: false}
                """;
    }

    /**
     * A GPU contract small enough to check on paper (SYNTHETIC figures): no mining, no tax, no site costs; a 1 MW hall
     * (PUE 1.0, no capex) ready in month 0 holding 1,000 GPUs of 1 kW at $30,000 each, 5-year life, resale curve 100 %,
     * 50 %, 25 %, 12.5 %, 6.25 %, 5 %; power $50/MWh flat. Contract 'c': all 1,000 GPUs for 60 months at $1.50 per
     * GPU-hour, 20 % prepaid in month 0, no credits, no default, sold at the end of the term. Loan 'cb': sized at DSCR
     * 1.25 on the contract's net cash, at most 100 % of cost, 12 %/yr, 48 months.
     *
     * @param cloudExtra extra fields of GPU cloud 'g' (e.g. ", refreshWith: g2")
     * @param contractExtra extra fields of contract 'c'
     */
    public static String contractPlanYaml(String cloudExtra, String contractExtra) {
        return """
                plan:
                  name: contract
                  start: 2026-01
                  horizonMonths: 120
                  site: {name: paper, gridMw: 10}
                  power: {source: deck, usdPerMwh: 50}
                  bitcoin: {startPriceUsdPerBtc: 90000, startNetworkHashrateEhPerS: 1100, startBlockHeight: 1040000}
                  mining: {hashrateEhPerS: 0, efficiencyJPerTh: 17.5}
                  cooling:
                    air: {pue: 1.0, capexUsdPerMwIt: 0}
                  halls:
                    - {name: h, criticalItMw: 1, cooling: air, startMonth: 0, leadTimeMonths: 0, capexUsdPerMwCriticalIt: 0}
                  gpuClouds:
                    - {name: g, hall: h, gpuCount: 1000, usdPerGpu: 30000, itKwPerGpu: 1.0, lifeYears: 5,
                       priceUsdPerGpuHour: 2.0, priceDeclinePerYear: 0.2, utilizationFraction: 0.8,
                       residualValueByAgeYears: [1.0, 0.5, 0.25, 0.125, 0.0625, 0.05]%s}
                    - {name: g2, hall: h, gpuCount: 1000, usdPerGpu: 10000, itKwPerGpu: 1.0, lifeYears: 3,
                       priceUsdPerGpuHour: 2.0, priceDeclinePerYear: 0.2, utilizationFraction: 0.8,
                       residualValueByAgeYears: [1.0, 0.5, 0.25, 0.125]}
                  gpuContracts:
                    - {name: c, gpuCloud: g, customer: acme, termMonths: 60, usdPerGpuHour: 1.5, prepaymentFraction: 0.2,
                       prepaymentMonth: 0, availabilityFraction: 1, slaAvailabilityFraction: 1, endOfTerm: sell%s}
                  financing:
                    facilities:
                      - {name: cb, kind: contract-backed, contract: c, sizingDscr: 1.25, maxLoanToCost: 1.0,
                         ratePerYear: 0.12, tenorMonths: 48}
                  valuation: {discountRatePerYear: 0.12, taxRate: 0, terminalEbitdaMultiple: 0}
                  strategies:
                    - {name: idle}
                    - {name: spot, halls: [h], gpuClouds: [g]}
                    - {name: contract, halls: [h], gpuClouds: [g], contracts: [c]}
                    - {name: contract-loan, halls: [h], gpuClouds: [g], contracts: [c], facilities: [cb]}
                  uncertainty: {paths: 20, seed: 3, btcVolatilityScale: 0, hashrateNoisePerMonth: 0,
                    feesLogSdPerMonth: 0, gpuDeclineSdPerYear: 0, powerResampling: false, tenantDefaults: false}
                """.formatted(cloudExtra, contractExtra);
    }

    public static final String DECK = "{source: deck, usdPerMwh: 40, escalatorPerYear: 0.02, adderUsdPerMwh: 3}";
    public static final String ERCOT = "{source: ercot-resampled, settlementPoint: HB_WEST, adderUsdPerMwh: 3}";
}
