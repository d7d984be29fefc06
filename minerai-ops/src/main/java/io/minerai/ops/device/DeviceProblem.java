package io.minerai.ops.device;

import java.time.Instant;

/**
 * Why a device could not be read: the failure's kind and the driver's own words.
 *
 * @param status how it failed: unreachable, timeout, denied (refused, wrong password), unsupported, failed
 * @param detail the driver's reason (no secrets), e.g. "web CGI refused the login: wrong user or password"
 * @param sinceUtc when this kind of failure started
 */
public record DeviceProblem(AckStatus status, String detail, Instant sinceUtc) {
    /** Short reason for tables: {@code unreachable}, {@code wrong password or refused}, ... */
    public String reason() {
        return switch (status) {
            case DENIED -> "refused (wrong password or access denied)";
            case UNREACHABLE -> "unreachable";
            case TIMEOUT -> "no answer in time";
            case UNSUPPORTED -> "unsupported";
            case FAILED -> "failed";
            case CONFIRMED, ACCEPTED, NOT_APPLIED -> status.label();
        };
    }
}
