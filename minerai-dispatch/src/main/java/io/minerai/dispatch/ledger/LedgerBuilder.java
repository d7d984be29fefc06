package io.minerai.dispatch.ledger;

import io.minerai.core.inputs.MarketInputs;
import io.minerai.dispatch.Dispatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what settlers write: one array per declared stream and measure, per-load totals, and program facts for the
 * summary (a 4CP tag, a capacity obligation). A settler may only write the keys it declared.
 */
public final class LedgerBuilder {
    private final Dispatch dispatch;
    private final MarketInputs money;
    private final List<Stream> streams = new ArrayList<>();
    private final List<double[]> amounts = new ArrayList<>();
    private final Map<String, Integer> streamIndex = new HashMap<>();
    private final List<Measure> measures = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final Map<String, Integer> measureIndex = new HashMap<>();
    private final double[] loadRevenueUsd;
    private final double[] loadBtc;
    private final Map<String, Map<String, Double>> facts = new LinkedHashMap<>();

    /** A builder with every key the settlers declare, in their order. */
    public LedgerBuilder(Dispatch dispatch, MarketInputs money, List<? extends Settler> settlers) {
        if (!money.usdPerMarketUnit().grid().equals(dispatch.grid())) {
            throw new IllegalArgumentException("exchange rates do not match the grid");
        }
        this.dispatch = dispatch;
        this.money = money;
        int n = dispatch.grid().count();
        for (Settler s : settlers) {
            for (Stream st : s.streams()) {
                if (streamIndex.putIfAbsent(st.id(), streams.size()) != null) {
                    throw new IllegalArgumentException("stream " + st.id() + " is declared twice");
                }
                streams.add(st);
                amounts.add(new double[n]);
            }
            for (Measure m : s.measures()) {
                if (measureIndex.putIfAbsent(m.id(), measures.size()) != null) {
                    throw new IllegalArgumentException("measure " + m.id() + " is declared twice");
                }
                measures.add(m);
                values.add(new double[n]);
            }
        }
        loadRevenueUsd = new double[dispatch.loads().size()];
        loadBtc = new double[dispatch.loads().size()];
    }

    /** The amounts array of a declared stream, to fill in place. */
    public double[] amounts(Stream stream) {
        Integer i = streamIndex.get(stream.id());
        if (i == null || !streams.get(i).equals(stream)) {
            throw new IllegalArgumentException("stream " + stream.id() + " was not declared by a settler");
        }
        return amounts.get(i);
    }

    /** The values array of a declared measure, to fill in place. */
    public double[] values(Measure measure) {
        Integer i = measureIndex.get(measure.id());
        if (i == null || !measures.get(i).equals(measure)) {
            throw new IllegalArgumentException("measure " + measure.id() + " was not declared by a settler");
        }
        return values.get(i);
    }

    /** Adds revenue attributed to load {@code l} (for the per-load summary). */
    public void addLoadRevenue(int l, double usd) {
        loadRevenueUsd[l] += usd;
    }

    /** Adds BTC mined by load {@code l}. */
    public void addLoadBtc(int l, double btc) {
        loadBtc[l] += btc;
    }

    /** Records a program's fact for the summary, e.g. ({@code ercot-4cp}, {@code tagMw}, 127.1). */
    public void fact(String program, String name, double value) {
        facts.computeIfAbsent(program, k -> new LinkedHashMap<>()).put(name, value);
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    public double[] loadRevenueUsd() {
        return loadRevenueUsd;
    }

    public double[] loadBtc() {
        return loadBtc;
    }

    public Map<String, Map<String, Double>> facts() {
        return facts;
    }

    /** The finished ledger. */
    public Ledger build() {
        return new Ledger(
                dispatch, money, streams, amounts.toArray(new double[0][]), measures, values.toArray(new double[0][]));
    }
}
