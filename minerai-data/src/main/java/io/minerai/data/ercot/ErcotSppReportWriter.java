package io.minerai.data.ercot;

import io.minerai.core.time.TimeSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Writes a 15-minute UTC price series in ERCOT's settlement point price report format (NP6-905-CD), the inverse of
 * {@link ErcotSppReportReader}: one row per present interval, missing intervals have no row. Used to make test files
 * and to export prices for tools that expect ERCOT's layout.
 */
public final class ErcotSppReportWriter {
    private ErcotSppReportWriter() {}

    /**
     * Writes the header and the rows.
     *
     * @param pricesUsdPerMwh a series on a 15-minute grid aligned to quarter hours
     * @param settlementPoint value of SettlementPointName
     * @param settlementPointType value of SettlementPointType (e.g. HU, LZ, RN)
     */
    public static void write(
            TimeSeries pricesUsdPerMwh, String settlementPoint, String settlementPointType, Writer out) {
        if (!pricesUsdPerMwh.grid().step().equals(Duration.ofMinutes(15))) {
            throw new IllegalArgumentException("the report has 15-minute intervals; the series' step is "
                    + pricesUsdPerMwh.grid().step());
        }
        try {
            out.write(String.join(",", ErcotSppReportReader.COLUMNS));
            out.write('\n');
            for (int i = 0; i < pricesUsdPerMwh.size(); i++) {
                if (pricesUsdPerMwh.isMissing(i)) {
                    continue;
                }
                CentralTime.IntervalLabel l =
                        CentralTime.labelOf(pricesUsdPerMwh.grid().start(i));
                out.write(ErcotSppReportReader.DATE.format(l.operatingDay()));
                out.write(',');
                out.write(Integer.toString(l.hourEnding()));
                out.write(',');
                out.write(Integer.toString(l.interval()));
                out.write(',');
                out.write(settlementPoint);
                out.write(',');
                out.write(settlementPointType);
                out.write(',');
                out.write(BigDecimal.valueOf(pricesUsdPerMwh.value(i)).toPlainString());
                out.write(',');
                out.write(l.repeatedHour() ? "Y" : "N");
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
