package io.minerai.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored dataset's metadata and provenance (without its content).
 *
 * @param id dataset id
 * @param name short name
 * @param kind format
 * @param originalFilename uploaded file's base name
 * @param source provenance as told by the uploader
 * @param sha256 SHA-256 of the content's UTF-8 bytes, hex
 * @param sizeBytes content size in bytes
 * @param rowCount data rows
 * @param firstTimeUtc first timestamp
 * @param lastTimeUtc last timestamp
 * @param uploadedBy who uploaded it
 * @param uploadedUtc when
 */
public record DatasetInfo(
        long id,
        String name,
        String kind,
        String originalFilename,
        String source,
        String sha256,
        long sizeBytes,
        int rowCount,
        Optional<Instant> firstTimeUtc,
        Optional<Instant> lastTimeUtc,
        String uploadedBy,
        Instant uploadedUtc) {}
