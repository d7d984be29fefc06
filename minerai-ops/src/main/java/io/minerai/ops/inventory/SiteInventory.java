package io.minerai.ops.inventory;

import io.minerai.ops.control.ControllerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated site inventory.
 *
 * @param siteName site name
 * @param config controller configuration (includes the cap)
 * @param interval control interval
 * @param price price feed, if configured
 * @param mqtt MQTT signal, if configured
 * @param openAdr OpenADR VEN, if configured
 * @param devices devices in file order
 * @param baseDir directory of the inventory file (relative paths resolve against it)
 */
public record SiteInventory(
        String siteName,
        ControllerConfig config,
        Duration interval,
        Optional<Price> price,
        Optional<Mqtt> mqtt,
        Optional<OpenAdr> openAdr,
        List<Device> devices,
        Path baseDir) {

    /**
     * @param source ercot-bundled, csv or http
     * @param settlementPoint for ercot-bundled
     * @param market RTM or DAM
     * @param path for csv; the URL for http
     * @param staleAfter staleness
     * @param poll fetch interval (http)
     */
    public record Price(
            String source, String settlementPoint, String market, String path, Duration staleAfter, Duration poll) {}

    /**
     * @param brokerUri broker
     * @param topic topic
     * @param clientId client id
     * @param username user
     * @param passwordEnv env var of the password
     * @param staleAfter staleness
     * @param upDebounce debounce of raises
     */
    public record Mqtt(
            String brokerUri,
            String topic,
            String clientId,
            String username,
            String passwordEnv,
            Duration staleAfter,
            Duration upDebounce) {}

    /**
     * @param vtnUrl VTN base URL
     * @param programId program
     * @param clientId OAuth2 client id
     * @param clientSecretEnv env var of the secret
     * @param venName name in reports
     * @param poll poll interval
     * @param staleAfter staleness
     */
    public record OpenAdr(
            String vtnUrl,
            String programId,
            String clientId,
            String clientSecretEnv,
            String venName,
            Duration poll,
            Duration staleAfter) {}

    /**
     * One device; fields a driver does not use are empty or 0.
     *
     * @param id id
     * @param driver driver name
     * @param host host
     * @param port main port (rpc / v3)
     * @param webPort web port (antminer-stock)
     * @param username web user
     * @param account API account (whatsminer-v3)
     * @param passwordEnv env var of the password
     * @param command nvidia-smi command line
     * @param overheadW GPU server overhead
     * @param minPowerW lowest power limit (whatsminer-v3)
     * @param ratedPowerW rated power
     * @param curtailedPowerW asleep power
     * @param hashrateThPerS hashrate
     * @param valueUsdPerMwh value
     */
    public record Device(
            String id,
            String driver,
            String host,
            int port,
            int webPort,
            String username,
            String account,
            String passwordEnv,
            String command,
            double overheadW,
            double minPowerW,
            double ratedPowerW,
            double curtailedPowerW,
            double hashrateThPerS,
            double valueUsdPerMwh) {}
}
