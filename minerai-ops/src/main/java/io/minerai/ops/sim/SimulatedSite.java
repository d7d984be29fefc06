package io.minerai.ops.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minerai.core.audit.AuditLog;
import io.minerai.core.bitcoin.BitcoinDay;
import io.minerai.core.time.TimeGrid;
import io.minerai.core.time.TimeSeries;
import io.minerai.data.bitcoin.CoinMetricsReader;
import io.minerai.data.ercot.ErcotHourlyPrices;
import io.minerai.data.ercot.Market;
import io.minerai.data.specs.AsicSpec;
import io.minerai.data.specs.AsicSpecs;
import io.minerai.ops.control.ControllerConfig;
import io.minerai.ops.control.ControllerObserver;
import io.minerai.ops.control.ControllerStatus;
import io.minerai.ops.control.DriverFleet;
import io.minerai.ops.control.MeterLoop;
import io.minerai.ops.control.SiteController;
import io.minerai.ops.device.Capabilities;
import io.minerai.ops.device.DeviceDriver;
import io.minerai.ops.device.DeviceKind;
import io.minerai.ops.device.DeviceSpec;
import io.minerai.ops.emulator.EmulatedDevice;
import io.minerai.ops.emulator.EmulatedPowerMeter;
import io.minerai.ops.emulator.EmulatorFleet;
import io.minerai.ops.emulator.Firmware;
import io.minerai.ops.emulator.Quirks;
import io.minerai.ops.emulator.VirtualGpuNode;
import io.minerai.ops.emulator.VirtualMiner;
import io.minerai.ops.emulator.VtnStub;
import io.minerai.ops.emulator.rig.EmulatedRig;
import io.minerai.ops.firmware.FirmwarePlugins;
import io.minerai.ops.meter.ModbusTcpMeter;
import io.minerai.ops.signal.OpenAdrVen;
import io.minerai.ops.signal.ReplayPriceFeed;
import io.minerai.ops.signal.SignalSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A whole virtual site: emulated miners of every supported firmware ({@link MinerFirmware}: stock Antminer, LuxOS,
 * Whatsminer API v3 and v2, VNish, ePIC, and Braiins OS when its module is on the class path) and GPU nodes on loopback
 * sockets,
 * driven by the production drivers and controller on a fake clock, against the bundled real ERCOT prices and the
 * bundled real daily hashprice. Optionally a VTN stub issues an OpenADR import-limit event at each day's most
 * expensive hour. Device faults are switched on and off at random (seeded). The site has a meter (a Modbus TCP meter
 * emulated on loopback, read by the production {@link ModbusTcpMeter}) that sees the devices plus cooling, transformer
 * losses and auxiliaries ({@link SitePhysics}); the controller closes its loop on it. The device and site physics and
 * the fault rates are synthetic; prices and hashprice are real.
 *
 * <p>Reproducible: the same options give the same summary. Every device is read, and the simulation waits for the
 * answers, before each step and after it (slow devices answer within the driver timeouts); the fleet hands answers
 * over in command order; everything random is drawn from the seed on the simulation thread.
 */
public final class SimulatedSite {
    /**
     * What to simulate.
     *
     * @param startUtc first instant (UTC)
     * @param days how many days
     * @param step controller interval (simulated)
     * @param miners number of miners
     * @param gpuNodes number of 8-GPU nodes
     * @param settlementPoint ERCOT settlement point, e.g. LZ_WEST
     * @param market RTM or DAM
     * @param capFraction site cap as a share of the fleet's rated power
     * @param faultRate chance per device and step that a random quirk switches on (it lasts 1..30 steps)
     * @param seed random seed
     * @param openAdr whether a VTN stub sends daily import-limit events
     */
    public record Options(
            Instant startUtc,
            int days,
            Duration step,
            int miners,
            int gpuNodes,
            String settlementPoint,
            Market market,
            double capFraction,
            double faultRate,
            long seed,
            boolean openAdr) {
        public static Options defaults() {
            return new Options(
                    Instant.parse("2024-08-19T05:00:00Z"),
                    1,
                    Duration.ofMinutes(5),
                    120,
                    2,
                    "LZ_WEST",
                    Market.RTM,
                    0.9,
                    0.002,
                    42,
                    true);
        }
    }

    /**
     * What the site meter sees besides the devices (synthetic, ASSUMPTION figures of a typical air-cooled container
     * site): auxiliaries (controls, lighting, network), cooling that follows the device load (fans, pumps), and the
     * transformer's no-load and load (copper) losses, the latter growing with the square of the load.
     *
     * @param auxW constant auxiliaries, W
     * @param coolingShare cooling power per W of device load
     * @param transformerNoLoadW transformer no-load (iron) losses, W
     * @param transformerLoadLossShareAtCap copper losses at a device load equal to the cap, as a share of it
     */
    public record SitePhysics(
            double auxW, double coolingShare, double transformerNoLoadW, double transformerLoadLossShareAtCap) {
        /** 3 kW auxiliaries, cooling 4 % of the load, 0.15 % of the cap no-load, 1 % copper losses at the cap. */
        public static SitePhysics typical(double capW) {
            return new SitePhysics(3_000, 0.04, 0.0015 * capW, 0.01);
        }

        /** Metered site power for a device load, W. */
        public double siteW(double devicesW, double capW) {
            double copper = transformerLoadLossShareAtCap * devicesW * devicesW / capW;
            return auxW + transformerNoLoadW + devicesW * (1 + coolingShare) + copper;
        }
    }

    /**
     * Totals of a run.
     *
     * @param steps controller steps
     * @param energyMwh energy drawn by the devices (measured, fresh readings)
     * @param energyCostUsd that energy at the replayed price
     * @param curtailedMwh rated power taken off, times time
     * @param commands commands sent
     * @param failures commands that did not end confirmed
     * @param overCapSteps steps whose true device power exceeded the cap (must be 0)
     * @param maxTruePowerMw highest true device power seen
     * @param capMw the cap
     * @param safeSteps steps in the safe state
     * @param auditEntries audit log entries written
     * @param wallSeconds real time taken (not part of the reproducible summary)
     * @param meteredEnergyMwh energy through the site meter (devices, cooling, losses, auxiliaries)
     * @param deviceEnergyMwh energy the devices' own power figures add up to (what a controller without a meter sees)
     * @param maxDevicePowerMw highest device-summed power
     */
    public record Summary(
            int steps,
            double energyMwh,
            double energyCostUsd,
            double curtailedMwh,
            long commands,
            long failures,
            int overCapSteps,
            double maxTruePowerMw,
            double capMw,
            int safeSteps,
            long auditEntries,
            double wallSeconds,
            double meteredEnergyMwh,
            double deviceEnergyMwh,
            double maxDevicePowerMw) {}

    /**
     * The firmware an emulated miner runs, with its inventory driver name and the bundled ASIC model it stands for.
     * {@link #BRAIINS} needs the minerai-ops-braiins module on the class path (found with ServiceLoader).
     */
    public enum MinerFirmware {
        ANTMINER_STOCK("antminer-stock", "Antminer S19 Pro"),
        LUXOS("luxos", "Antminer S19"),
        WHATSMINER_V3("whatsminer-v3", "Whatsminer M30S"),
        WHATSMINER_V2("whatsminer-v2", "Whatsminer M30S"),
        VNISH("vnish", "Antminer S19"),
        BRAIINS("braiins", "Antminer S17+"),
        EPIC("epic", "Antminer S19 Pro");

        /** The inventory's {@code driver:} name. */
        public final String driverName;

        final String model;

        MinerFirmware(String driverName, String model) {
            this.driverName = driverName;
            this.model = model;
        }
    }

    /**
     * The mixed fleet, per 20 miners (a synthetic mix, ASSUMPTION): 6 stock Antminer, 3 LuxOS, 3 Whatsminer v3, 2
     * Whatsminer v2, 3 VNish, 2 Braiins OS, 1 ePIC; the first 7 miners run one firmware each.
     */
    private static final List<MinerFirmware> MIX = List.of(
            MinerFirmware.ANTMINER_STOCK,
            MinerFirmware.LUXOS,
            MinerFirmware.WHATSMINER_V3,
            MinerFirmware.WHATSMINER_V2,
            MinerFirmware.VNISH,
            MinerFirmware.BRAIINS,
            MinerFirmware.EPIC,
            MinerFirmware.ANTMINER_STOCK,
            MinerFirmware.LUXOS,
            MinerFirmware.WHATSMINER_V3,
            MinerFirmware.VNISH,
            MinerFirmware.ANTMINER_STOCK,
            MinerFirmware.WHATSMINER_V2,
            MinerFirmware.BRAIINS,
            MinerFirmware.ANTMINER_STOCK,
            MinerFirmware.VNISH,
            MinerFirmware.LUXOS,
            MinerFirmware.WHATSMINER_V3,
            MinerFirmware.ANTMINER_STOCK,
            MinerFirmware.ANTMINER_STOCK);

    /** Start-up, tuning and reboot times of the rig-based emulators (ASSUMPTION: a minute or less each). */
    static final EmulatedRig.Delays RIG_DELAYS =
            new EmulatedRig.Delays(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(60));

    /** The firmware of miner {@code i}: Braiins OS slots run stock firmware when the Braiins module is absent. */
    public static MinerFirmware firmwareOf(int i) {
        MinerFirmware fw = MIX.get(i % MIX.size());
        return fw == MinerFirmware.BRAIINS
                        && FirmwarePlugins.find(fw.driverName).isEmpty()
                ? MinerFirmware.ANTMINER_STOCK
                : fw;
    }

    /** How many miners of a fleet of {@code miners} run each firmware (driver name to count, in enum order). */
    public static java.util.Map<String, Integer> fleetMix(int miners) {
        int[] n = new int[MinerFirmware.values().length];
        for (int i = 0; i < miners; i++) {
            n[firmwareOf(i).ordinal()]++;
        }
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (MinerFirmware f : MinerFirmware.values()) {
            if (n[f.ordinal()] > 0) {
                out.put(f.driverName, n[f.ordinal()]);
            }
        }
        return out;
    }

    private SimulatedSite() {}

    /** Runs a simulation; {@code onStep} sees every status (for the live view). */
    public static Summary run(Options o, AuditLog audit, ControllerObserver observer, Consumer<ControllerStatus> onStep)
            throws IOException, InterruptedException {
        return run(o, audit, observer, onStep, merit -> merit);
    }

    /**
     * As {@link #run(Options, AuditLog, ControllerObserver, Consumer)}, with the controller's target made from the
     * simulation's merit-order target (e.g. a plan that falls back to it).
     */
    public static Summary run(
            Options o,
            AuditLog audit,
            ControllerObserver observer,
            Consumer<ControllerStatus> onStep,
            java.util.function.UnaryOperator<io.minerai.ops.control.TargetSource> target)
            throws IOException, InterruptedException {
        long wall0 = System.nanoTime();
        FakeClock clock = new FakeClock(o.startUtc());
        SplittableRandom rnd = new SplittableRandom(o.seed());
        double hp0 = hashpriceUsdPerThDay(o.startUtc());
        List<DeviceSpec> specs = new ArrayList<>();
        List<DeviceDriver> drivers = new ArrayList<>();
        List<Quirks> quirks = new ArrayList<>();
        List<EmulatedDevice> miners = new ArrayList<>();
        List<MinerFirmware> minerFirmware = new ArrayList<>();
        List<VirtualGpuNode> gpus = new ArrayList<>();
        // far above the 50 ms slow replies: every request finishes within its step, whatever the machine's load
        EmulatorFleet.Timeouts t = new EmulatorFleet.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
        try (EmulatorFleet emu = new EmulatorFleet()) {
            for (int i = 0; i < o.miners(); i++) {
                // Nameplate figures from the bundled ASIC specs (f2pool 2020), the model per firmware in
                // MinerFirmware; +-3 % spread per unit (synthetic).
                MinerFirmware fw = firmwareOf(i);
                AsicSpec spec = asic(fw.model);
                double ths = spec.hashrateThPerS();
                double w = spec.powerW() * (0.97 + 0.06 * rnd.nextDouble());
                w = Math.round(w);
                String id = String.format("r%02d-%03d", i / 40 + 1, i);
                long deviceSeed = rnd.nextLong();
                // Miners start running (a cold start on a working site); the least valuable are put to sleep below
                // to bring the site under its cap before the controller starts.
                EmulatedDevice dev;
                DeviceDriver driver;
                Capabilities caps;
                switch (fw) {
                    case ANTMINER_STOCK, LUXOS, WHATSMINER_V3 -> {
                        Firmware legacy = fw == MinerFirmware.ANTMINER_STOCK
                                ? Firmware.ANTMINER_STOCK
                                : fw == MinerFirmware.LUXOS ? Firmware.LUXOS : Firmware.WHATSMINER_V3;
                        VirtualMiner vm = new VirtualMiner(id, legacy, w, 60, ths, "pw-" + i, clock);
                        driver = EmulatorFleet.driver(emu.add(vm), t, clock);
                        dev = vm;
                        caps = fw == MinerFirmware.ANTMINER_STOCK
                                ? Capabilities.SLEEP_ONLY
                                : Capabilities.sleepAndTarget(
                                        Math.round(w * (fw == MinerFirmware.LUXOS ? 0.6 : 0.5)), w);
                    }
                    default -> {
                        // Lowest power target the firmware offers: half the rating for Whatsminer v2 (the
                        // inventory's default), 60 % for the others (ASSUMPTION); the controller learns the latter
                        // from the device at its first reading, as on a real site.
                        double minTargetW = Math.round(w * (fw == MinerFirmware.WHATSMINER_V2 ? 0.5 : 0.6));
                        EmulatedRig rig = new EmulatedRig(
                                        new EmulatedRig.Spec(id, w, 60, ths, minTargetW, "pw-" + i), clock)
                                .delays(RIG_DELAYS);
                        driver = switch (fw) {
                            case WHATSMINER_V2 -> emu.whatsminerV2(rig, deviceSeed, minTargetW, t, clock);
                            case VNISH -> emu.vnish(rig, deviceSeed, t, clock);
                            case EPIC -> emu.epic(rig, t, clock);
                            default ->
                                emu.plugin(
                                        FirmwarePlugins.find(fw.driverName).orElseThrow(), rig, deviceSeed, t, clock);
                        };
                        dev = rig;
                        caps = fw == MinerFirmware.WHATSMINER_V2
                                ? Capabilities.sleepAndTarget(minTargetW, w)
                                : Capabilities.sleepAndTarget(60, w);
                    }
                }
                miners.add(dev);
                minerFirmware.add(fw);
                quirks.add(dev.quirks());
                drivers.add(driver);
                double value = minerValueUsdPerMwh(hp0, ths, w);
                specs.add(new DeviceSpec(id, DeviceKind.MINER, w, 60, ths, value, caps));
            }
            for (int g = 0; g < o.gpuNodes(); g++) {
                String id = "gpu-" + (g + 1);
                VirtualGpuNode n = new VirtualGpuNode(id, "NVIDIA H100 80GB HBM3", 8, 200, 700, 70, 0.85);
                emu.add(n);
                gpus.add(n);
                quirks.add(n.quirks());
                double overhead = 1500;
                drivers.add(EmulatorFleet.driver(emu.gpus().get(g), overhead, t, clock));
                double rated = 8 * 700 + overhead;
                // $2.00 per GPU-hour at 85 % utilisation over the node's rated MW (synthetic business figure).
                double value = 2.00 * 8 * 0.85 / (rated / 1e6);
                specs.add(new DeviceSpec(
                        id,
                        DeviceKind.GPU_NODE,
                        rated,
                        8 * 200 + overhead,
                        0,
                        value,
                        Capabilities.sleepAndTarget(8 * 200 + overhead, rated)));
            }
            double ratedW = specs.stream().mapToDouble(DeviceSpec::ratedPowerW).sum();
            double capMw = o.capFraction() * ratedW / 1e6;
            double capW = capMw * 1e6;
            SitePhysics physics = SitePhysics.typical(capW);
            // Before control starts the site runs under its cap: the least valuable miners were asleep.
            List<Integer> byValue = new ArrayList<>();
            for (int i = 0; i < miners.size(); i++) {
                byValue.add(i);
            }
            byValue.sort(java.util.Comparator.comparingDouble(i -> specs.get(i).valueUsdPerMwh()));
            double startDevicesW = ratedW;
            for (int i : byValue) {
                if (physics.siteW(startDevicesW, capW) <= 0.95 * capW) {
                    break;
                }
                if (miners.get(i) instanceof VirtualMiner vm) {
                    vm.startAsleep();
                } else if (miners.get(i) instanceof EmulatedRig rig) {
                    rig.startAsleep();
                }
                startDevicesW -= specs.get(i).ratedPowerW() - specs.get(i).curtailedPowerW();
            }
            Duration span = Duration.ofDays(o.days());
            TimeGrid grid = TimeGrid.between(
                    o.startUtc().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                    o.startUtc().plus(span).plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                    Duration.ofHours(1));
            TimeSeries prices = ErcotHourlyPrices.bundled().series(o.settlementPoint(), o.market(), grid);
            ReplayPriceFeed priceFeed =
                    ReplayPriceFeed.of("price:" + o.settlementPoint() + ":" + o.market(), prices, Duration.ofHours(2));
            List<SignalSource> signals = new ArrayList<>();
            signals.add(priceFeed);
            VtnStub vtn = null;
            OpenAdrVen ven = null;
            if (o.openAdr()) {
                vtn = new VtnStub("site-ven", "sim-secret", clock);
                addDailyPeakEvents(vtn, prices, o.startUtc(), o.days(), capMw * 0.5);
                ven = new OpenAdrVen(
                        new OpenAdrVen.Settings(
                                vtn.baseUrl(),
                                "sim-grid",
                                "site-ven",
                                "sim-secret",
                                "sim-site",
                                o.step().multipliedBy(3),
                                Duration.ofSeconds(5)),
                        capMw,
                        clock);
                signals.add(ven);
            }
            ControllerConfig cfg = new ControllerConfig(
                    capMw,
                    o.step().multipliedBy(2),
                    o.step().multipliedBy(4),
                    o.step().multipliedBy(2),
                    o.step(),
                    Math.max(0.05, capMw / 6),
                    0,
                    0.5,
                    50,
                    o.step().multipliedBy(12),
                    o.step().multipliedBy(2));
            EmulatedPowerMeter meterDevice = new EmulatedPowerMeter();
            ModbusTcpMeter meter =
                    new ModbusTcpMeter(meterDevice.settings(o.step().multipliedBy(2), Duration.ofSeconds(10)), clock);
            // cooling 4 % + copper losses up to 2 x 1 % at the cap: 6 % per added W; the controller assumes 10 %
            MeterLoop meterLoop = new MeterLoop(meter, 0.1, o.step().multipliedBy(6));
            int steps = (int) (span.toSeconds() / o.step().toSeconds());
            double stepH = o.step().toSeconds() / 3600.0;
            double energy = 0;
            double deviceEnergy = 0;
            double maxDevice = 0;
            double cost = 0;
            double curtailed = 0;
            int overCap = 0;
            int safeSteps = 0;
            double maxTrue = 0;
            int[] faultLeft = new int[quirks.size()];
            try (DriverFleet fleet = new DriverFleet(specs, drivers, clock).readsByCaller()) {
                HashpriceTarget merit = new HashpriceTarget(hp0, specs);
                io.minerai.ops.signal.OpenAdrReporter reporter =
                        ven == null ? null : new io.minerai.ops.signal.OpenAdrReporter(ven, Duration.ofMinutes(15));
                SiteController c = new SiteController(
                        new SiteController.Wiring(
                                cfg,
                                fleet,
                                signals,
                                target.apply(merit),
                                audit,
                                observer,
                                java.util.Optional.of(meterLoop)),
                        clock.instant());
                ControllerStatus st = null;
                for (int s = 0; s < steps; s++) {
                    Instant now = clock.advance(o.step());
                    merit.hashpriceUsdPerThDay = hashpriceUsdPerThDay(now);
                    injectFaults(quirks, faultLeft, rnd, o.faultRate());
                    if (ven != null) {
                        ven.poll();
                    }
                    meterDevice.set(physics.siteW(devicesTrueW(miners, gpus), capW));
                    if (!pollMeter(meter)) {
                        throw new IllegalStateException("the emulated meter did not answer: " + meter.lastError());
                    }
                    if (!fleet.readAllAndWait(Duration.ofMinutes(2))) {
                        throw new IllegalStateException("devices did not answer within 2 minutes at " + now);
                    }
                    st = c.step(now);
                    if (reporter != null) {
                        reporter.report(now, st.sitePowerMw()); // USAGE back to the VTN while an event is on
                    }
                    if (!fleet.awaitQuiet(Duration.ofMinutes(2))) {
                        throw new IllegalStateException("devices did not answer within 2 minutes at " + now);
                    }
                    double devicesW = devicesTrueW(miners, gpus);
                    double trueW = physics.siteW(devicesW, capW);
                    deviceEnergy += devicesW / 1e6 * stepH;
                    maxDevice = Math.max(maxDevice, devicesW / 1e6);
                    maxTrue = Math.max(maxTrue, trueW / 1e6);
                    if (trueW > capMw * 1e6 + 1e-6) {
                        overCap++;
                        if (System.getenv("MINERAI_SIM_DEBUG") != null) {
                            System.err.println("over cap at " + now + ": true " + trueW + " W, worst case "
                                    + c.worstCasePowerMw() * 1e6 + " W, cap " + capMw * 1e6 + " W, status " + st);
                            for (int g = 0; g < gpus.size(); g++) {
                                int i = miners.size() + g;
                                System.err.println("  gpu " + (gpus.get(g).truePowerW() + 1500) + " counted "
                                        + c.worstCaseW(i) + " telemetry " + fleet.telemetry(i));
                            }
                            for (int i = 0; i < miners.size(); i++) {
                                if (miners.get(i).truePowerW() > c.worstCaseW(i) + 1) {
                                    System.err.println("over cap at " + now + ": "
                                            + miners.get(i).id() + " "
                                            + minerFirmware.get(i).driverName + " true "
                                            + miners.get(i).truePowerW() + " W, counted "
                                            + c.worstCaseW(i) + " W, telemetry " + fleet.telemetry(i));
                                }
                            }
                        }
                    }
                    energy += trueW / 1e6 * stepH;
                    Optional<io.minerai.ops.signal.SignalValue> p = priceFeed.latest(now);
                    if (p.isPresent()) {
                        cost += trueW / 1e6 * stepH * p.get().value();
                    }
                    curtailed += st.curtailedMw() * stepH;
                    if (st.safe()) {
                        safeSteps++;
                    }
                    onStep.accept(st);
                }
                c.close(clock.instant());
                return new Summary(
                        steps,
                        energy,
                        cost,
                        curtailed,
                        st == null ? 0 : st.totalCommands(),
                        st == null ? 0 : st.totalFailures(),
                        overCap,
                        maxTrue,
                        capMw,
                        safeSteps,
                        audit.size(),
                        (System.nanoTime() - wall0) / 1e9,
                        energy,
                        deviceEnergy,
                        maxDevice);
            } finally {
                if (vtn != null) {
                    vtn.close();
                }
                meter.close();
                meterDevice.close();
            }
        }
    }

    /** Polls the loopback meter, retrying a dropped connection (a simulation must not depend on socket timing). */
    private static boolean pollMeter(ModbusTcpMeter meter) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (meter.poll()) {
                return true;
            }
        }
        return false;
    }

    /** True device power: miners plus GPU nodes (GPUs and 1.5 kW of server overhead each), W. */
    private static double devicesTrueW(List<EmulatedDevice> miners, List<VirtualGpuNode> gpus) {
        double w = 0;
        for (EmulatedDevice m : miners) {
            w += m.truePowerW();
        }
        for (VirtualGpuNode n : gpus) {
            w += n.truePowerW() + 1500;
        }
        return w;
    }

    /** Miner value at the meter, USD/MWh: hashprice x (1 - 2 % pool fee) x TH/s / MW / 24. */
    static double minerValueUsdPerMwh(double hashpriceUsdPerThDay, double ths, double watts) {
        return hashpriceUsdPerThDay * 0.98 * ths / (watts / 1e6) / 24.0;
    }

    /** Real daily hashprice from the bundled Coin Metrics history (the nearest earlier day if one is missing). */
    static double hashpriceUsdPerThDay(Instant t) {
        var h = CoinMetricsReader.bundled();
        LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
        for (int back = 0; back < 30; back++) {
            Optional<BitcoinDay> day = h.day(d.minusDays(back));
            if (day.isPresent()) {
                return day.get().hashpriceUsdPerThDay();
            }
        }
        throw new IllegalStateException("no hashprice near " + d + " in the bundled history");
    }

    /** Merit order with the day's hashprice: miner values scale with it, GPU values stay. */
    static final class HashpriceTarget implements io.minerai.ops.control.TargetSource {
        final double hp0;
        final List<DeviceSpec> specs;
        double hashpriceUsdPerThDay;

        HashpriceTarget(double hp0, List<DeviceSpec> specs) {
            this.hp0 = hp0;
            this.specs = specs;
            this.hashpriceUsdPerThDay = hp0;
        }

        @Override
        public double targetLoadMw(Instant nowUtc, java.util.OptionalDouble price, List<DeviceSpec> devices) {
            double f = hashpriceUsdPerThDay / hp0;
            double w = 0;
            for (DeviceSpec d : devices) {
                double v = d.kind() == DeviceKind.MINER ? d.valueUsdPerMwh() * f : d.valueUsdPerMwh();
                boolean run = price.isEmpty() || v >= price.getAsDouble();
                w += run ? d.ratedPowerW() : d.curtailedPowerW();
            }
            return w / 1e6;
        }
    }

    private static void injectFaults(List<Quirks> quirks, int[] left, SplittableRandom rnd, double rate) {
        for (int i = 0; i < quirks.size(); i++) {
            Quirks q = quirks.get(i);
            if (left[i] > 0) {
                if (--left[i] == 0) {
                    q.clear();
                }
                continue;
            }
            if (rate > 0 && rnd.nextDouble() < rate) {
                left[i] = 1 + rnd.nextInt(30);
                switch (rnd.nextInt(5)) {
                    case 0 -> q.slowReply(Duration.ofMillis(50)); // slow, but within the driver timeouts
                    case 1 -> q.accessDenied(true);
                    case 2 -> q.ignoreCommands(true);
                    case 3 -> q.dropConnections(true);
                    default -> q.staleTelemetry(true);
                }
            }
        }
    }

    /** One event per day: an import capacity limit during the day's most expensive hour. */
    private static void addDailyPeakEvents(VtnStub vtn, TimeSeries prices, Instant start, int days, double limitMw) {
        TimeGrid g = prices.grid();
        for (int d = 0; d < days; d++) {
            Instant dayStart = start.plus(Duration.ofDays(d));
            int best = -1;
            for (int h = 0; h < 24; h++) {
                int i = g.indexContaining(dayStart.plus(Duration.ofHours(h)));
                if (i >= 0 && !prices.isMissing(i) && (best < 0 || prices.value(i) > prices.value(best))) {
                    best = i;
                }
            }
            if (best < 0) {
                continue;
            }
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode e = f.objectNode();
            e.put("programID", "sim-grid");
            e.put("eventName", "daily-peak-" + d);
            e.putArray("payloadDescriptors")
                    .addObject()
                    .put("payloadType", "IMPORT_CAPACITY_LIMIT")
                    .put("units", "KW");
            e.putObject("intervalPeriod").put("start", g.start(best).toString()).put("duration", "PT1H");
            e.putArray("intervals")
                    .addObject()
                    .put("id", 0)
                    .putArray("payloads")
                    .addObject()
                    .put("type", "IMPORT_CAPACITY_LIMIT")
                    .putArray("values")
                    .add(Math.round(limitMw * 1000));
            vtn.addEvent(e);
        }
    }

    private static AsicSpec asic(String model) {
        return AsicSpecs.bundled()
                .find(model)
                .orElseThrow(() -> new IllegalStateException(model + " missing from the bundled ASIC specs"));
    }
}
