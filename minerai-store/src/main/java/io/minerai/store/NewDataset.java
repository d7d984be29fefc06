package io.minerai.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A validated dataset to store, with its provenance.
 *
 * @param name short name
 * @param kind format, e.g. {@code timeseries-csv}, {@code ercot-spp-csv}, {@code coinmetrics-csv}
 * @param originalFilename the uploaded file's base name (sanitised; never used as a path)
 * @param source where the data comes from (publisher, URL, licence), as told by the uploader
 * @param uploadedBy who uploaded it (token name)
 * @param content the file's text (UTF-8)
 * @param rowCount data rows
 * @param firstTimeUtc first timestamp in the data, when it has timestamps
 * @param lastTimeUtc last timestamp in the data, when it has timestamps
 */
public record NewDataset(
        String name,
        String kind,
        String originalFilename,
        String source,
        String uploadedBy,
        String content,
        int rowCount,
        Optional<Instant> firstTimeUtc,
        Optional<Instant> lastTimeUtc) {}
