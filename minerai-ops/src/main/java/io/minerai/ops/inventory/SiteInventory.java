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
 * @param meter the site meter, if configured
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
        Optional<Meter> meter,
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
     * @param minCurtailed minimum curtailed time
     * @param contractedShedKw kW shed below the pre-event power when curtailed; 0: targets are a share of the cap
     */
    public record Mqtt(
            String brokerUri,
            String topic,
            String clientId,
            String username,
            String passwordEnv,
            Duration staleAfter,
            Duration upDebounce,
            Duration minCurtailed,
            double contractedShedKw) {}

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
     * The site meter.
     *
     * @param type modbus-tcp or http-json
     * @param host Modbus host
     * @param port Modbus port
     * @param unitId Modbus unit id
     * @param table holding or input
     * @param address register address
     * @param format number format
     * @param wordSwapped low word first
     * @param scaleToW raw value to W
     * @param url HTTP URL
     * @param powerPointer JSON pointer of the power
     * @param timePointer JSON pointer of the sample time, or empty
     * @param tokenEnv env var of a bearer token, or empty
     * @param staleAfter staleness
     * @param marginalLossShare cooling and losses per added device W
     * @param overheadWindow how long an overhead estimate is kept
     */
    public record Meter(
            String type,
            String host,
            int port,
            int unitId,
            String table,
            int address,
            String format,
            boolean wordSwapped,
            double scaleToW,
            String url,
            String powerPointer,
            String timePointer,
            String tokenEnv,
            Duration staleAfter,
            double marginalLossShare,
            Duration overheadWindow) {}

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
