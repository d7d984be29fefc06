package io.minerai.planning.engine;

import java.time.YearMonth;

/**
 * The plan's monthly grid: UTC calendar months from a start month. Energy in a month = MW x its hours (days x 24).
 */
public final class MonthGrid {
    private final YearMonth start;
    private final int months;
    private final int[] days;
    private final double[] hours;
    private final int[] monthOfYear;

    public MonthGrid(YearMonth start, int months) {
        if (months <= 0) {
            throw new IllegalArgumentException("months must be > 0, was " + months);
        }
        this.start = start;
        this.months = months;
        this.days = new int[months];
        this.hours = new double[months];
        this.monthOfYear = new int[months];
        for (int t = 0; t < months; t++) {
            YearMonth ym = start.plusMonths(t);
            days[t] = ym.lengthOfMonth();
            hours[t] = days[t] * 24.0;
            monthOfYear[t] = ym.getMonthValue() - 1;
        }
    }

    public YearMonth start() {
        return start;
    }

    public int months() {
        return months;
    }

    public YearMonth month(int t) {
        return start.plusMonths(t);
    }

    public int days(int t) {
        return days[t];
    }

    public double hours(int t) {
        return hours[t];
    }

    /** 0 = January. */
    public int monthOfYear(int t) {
        return monthOfYear[t];
    }

    /** Days before month t (t = 0 gives 0). */
    public long daysBefore(int t) {
        long s = 0;
        for (int i = 0; i < t; i++) {
            s += days[i];
        }
        return s;
    }
}
