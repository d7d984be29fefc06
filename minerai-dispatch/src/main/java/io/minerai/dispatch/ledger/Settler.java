package io.minerai.dispatch.ledger;

import java.util.List;

/**
 * Settles one part of a dispatch into the ledger: it declares the streams and measures it fills, then writes them
 * interval by interval. The site's own loads and supply have one settler each; every market program (coincident-peak
 * charges, capacity obligations, ancillary services, demand response) is a settler of its market pack. Adding a stream
 * or a program is one settler and its tests: the ledger, the CSV, the store, the summary, tables, charts and the
 * dashboard iterate over what settlers declare.
 */
public interface Settler {

    /** The streams this settler fills, in the order they appear in the ledger. */
    List<Stream> streams();

    /** The measures this settler fills. */
    default List<Measure> measures() {
        return List.of();
    }

    /** Writes this settler's streams and measures for every dispatched interval. */
    void settle(SettlementContext context, LedgerBuilder out);
}
