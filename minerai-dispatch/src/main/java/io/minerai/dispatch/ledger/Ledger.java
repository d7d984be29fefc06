package io.minerai.dispatch.ledger;

import io.minerai.core.inputs.MarketInputs;
import io.minerai.core.time.TimeGrid;
import io.minerai.dispatch.Dispatch;
import io.minerai.dispatch.LoadInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The decision ledger of a settled dispatch: per interval, the physical decisions ({@link #dispatch()}), the signed
 * amount of every declared {@link Stream} and the value of every declared {@link Measure}. Columnar, one array per key,
 * one entry per interval of the grid; skipped intervals hold zeros. Reports, the store, the server and re-valuations
 * iterate over {@link #streams()} and {@link #measures()}; nothing outside a settler names a stream.
 *
 * <p>Money is in the engine's currency, USD. Where the market settles in another currency, {@link #money()} holds the
 * exchange rate used per interval, so a stream's amounts can be shown in the market currency too.
 *
 * <p>The arrays are owned by the ledger; accessors return them without copying, and callers must not modify them.
 */
public final class Ledger {
    private final Dispatch dispatch;
    private final MarketInputs money;
    private final List<Stream> streams;
    private final double[][] amounts;
    private final List<Measure> measures;
    private final double[][] values;

    Ledger(
            Dispatch dispatch,
            MarketInputs money,
            List<Stream> streams,
            double[][] amounts,
            List<Measure> measures,
            double[][] values) {
        this.dispatch = dispatch;
        this.money = money;
        this.streams = Collections.unmodifiableList(new ArrayList<>(streams));
        this.amounts = amounts;
        this.measures = Collections.unmodifiableList(new ArrayList<>(measures));
        this.values = values;
    }

    /**
     * A ledger assembled from given columns (tests, re-valuations of recorded data). Arrays must have one entry per
     * interval of the dispatch's grid; the market is in USD.
     */
    public static Ledger of(
            Dispatch dispatch, java.util.Map<Stream, double[]> streams, java.util.Map<Measure, double[]> measures) {
        int n = dispatch.grid().count();
        for (double[] a : streams.values()) {
            requireLength(a, n);
        }
        for (double[] a : measures.values()) {
            requireLength(a, n);
        }
        return new Ledger(
                dispatch,
                MarketInputs.usd(dispatch.grid()),
                new ArrayList<>(streams.keySet()),
                streams.values().toArray(new double[0][]),
                new ArrayList<>(measures.keySet()),
                measures.values().toArray(new double[0][]));
    }

    private static void requireLength(double[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException("a ledger column has " + a.length + " entries for " + n + " intervals");
        }
    }

    public Dispatch dispatch() {
        return dispatch;
    }

    public TimeGrid grid() {
        return dispatch.grid();
    }

    public int size() {
        return dispatch.grid().count();
    }

    public List<LoadInfo> loads() {
        return dispatch.loads();
    }

    /** Whether interval {@code t} was decided and settled (false where it was skipped for missing data). */
    public boolean dispatched(int t) {
        return dispatch.dispatched()[t];
    }

    /** The currency of the market's prices and the exchange rate to USD used per interval. */
    public MarketInputs money() {
        return money;
    }

    /** Every stream, in declaration order (settlers in settlement order, each in its own order). */
    public List<Stream> streams() {
        return streams;
    }

    /** Every measure, in declaration order. */
    public List<Measure> measures() {
        return measures;
    }

    /** Signed USD amounts of {@code stream} per interval. */
    public double[] amounts(Stream stream) {
        return amounts[indexOf(stream)];
    }

    /** Values of {@code measure} per interval. */
    public double[] values(Measure measure) {
        int i = measures.indexOf(measure);
        if (i < 0) {
            throw new IllegalArgumentException("the ledger has no measure " + measure.id());
        }
        return values[i];
    }

    /** The stream with this id, if declared. */
    public Optional<Stream> stream(String id) {
        for (Stream s : streams) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The measure with this id, if declared. */
    public Optional<Measure> measure(String id) {
        for (Measure m : measures) {
            if (m.id().equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Signed amounts of the stream with this id, or zeros when no settler declared it. */
    public double[] amountsOrZero(String streamId) {
        Optional<Stream> s = stream(streamId);
        return s.isPresent() ? amounts(s.get()) : new double[size()];
    }

    /** Values of the measure with this id, or zeros when no settler declared it. */
    public double[] valuesOrZero(String measureId) {
        Optional<Measure> m = measure(measureId);
        return m.isPresent() ? values(m.get()) : new double[size()];
    }

    /** Net of interval {@code t} in USD: the sum of every stream's signed amount (before site opex). */
    public double netUsd(int t) {
        double s = 0;
        for (double[] a : amounts) {
            s += a[t];
        }
        return s;
    }

    /** Total of a stream over the period, USD (signed). */
    public double totalUsd(Stream stream) {
        double s = 0;
        for (double v : amounts(stream)) {
            s += v;
        }
        return s;
    }

    /** Total of the stream with this id, USD (signed), 0 when not declared. */
    public double totalUsd(String streamId) {
        Optional<Stream> s = stream(streamId);
        return s.isPresent() ? totalUsd(s.get()) : 0;
    }

    /** Net over the period, USD: the sum of every stream's total. */
    public double netUsd() {
        double s = 0;
        for (Stream st : streams) {
            s += totalUsd(st);
        }
        return s;
    }

    /** Power drawn by load {@code l} in interval {@code t}, MW. */
    public double loadMw(int t, int l) {
        return dispatch.loadMw(t, l);
    }

    private int indexOf(Stream stream) {
        int i = streams.indexOf(stream);
        if (i < 0) {
            throw new IllegalArgumentException("the ledger has no stream " + stream.id());
        }
        return i;
    }
}
