package io.minerai.ops.firmware;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link FirmwarePlugin}s on the class path (loaded once). */
public final class FirmwarePlugins {
    private static final List<FirmwarePlugin> ALL = ServiceLoader.load(FirmwarePlugin.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    /** Firmware names that need a plugin module, with the module that provides it. */
    private static final java.util.Map<String, String> KNOWN_MODULES =
            java.util.Map.of("braiins", "minerai-ops-braiins");

    private FirmwarePlugins() {}

    /** Every plugin found. */
    public static List<FirmwarePlugin> all() {
        return ALL;
    }

    /** The plugin for an inventory driver name, if its module is on the class path. */
    public static Optional<FirmwarePlugin> find(String driverName) {
        return ALL.stream().filter(p -> p.driverName().equals(driverName)).findFirst();
    }

    /** Whether this driver name is provided by a plugin module (whether or not it is present). */
    public static boolean isPluginDriver(String driverName) {
        return KNOWN_MODULES.containsKey(driverName) || find(driverName).isPresent();
    }

    /** Why a plugin driver cannot be used: its module is not on the class path. */
    public static String missing(String driverName) {
        String module = KNOWN_MODULES.getOrDefault(driverName, "its plugin module");
        return "driver '" + driverName + "' needs the " + module + " module on the class path, and it is not there"
                + " (it is GPL-3.0 and kept apart from the core; see docs/OPERATIONS.md, \"Licences\")";
    }
}
