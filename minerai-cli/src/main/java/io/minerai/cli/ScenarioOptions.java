package io.minerai.cli;

import io.minerai.core.inputs.ScenarioInputs;
import io.minerai.core.scenario.DefaultScenario;
import io.minerai.core.scenario.FieldReader;
import io.minerai.core.scenario.Period;
import io.minerai.core.scenario.Scenario;
import io.minerai.core.scenario.ScenarioPaths;
import io.minerai.core.scenario.ScenarioReader;
import io.minerai.core.scenario.ScenarioValidator;
import io.minerai.core.validation.Problem;
import io.minerai.core.validation.ValidationException;
import io.minerai.data.resolve.InputResolver;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The scenario argument shared by commands, with period overrides. */
public final class ScenarioOptions {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            description = "Scenario file (YAML or JSON). Default: the bundled West Texas 2024 scenario.")
    @Nullable
    Path scenarioFile;

    @Option(
            names = "--from",
            description = "Start of the period instead of the scenario's: a date (midnight in the scenario's start"
                    + " offset, e.g. Central time for the default) or a date-time with offset.")
    @Nullable
    String from;

    @Option(names = "--to", description = "End of the period (exclusive), same forms as --from.")
    @Nullable
    String to;

    @Option(names = "--step", description = "Interval length instead of the scenario's: 5m, 15m, 1h, 1d or ISO-8601.")
    @Nullable
    String step;

    @Option(
            names = "--compute-precision",
            paramLabel = "PRECISION",
            description = "Count compute delivered in this precision instead of the scenario's computePrecision:"
                    + " bf16-dense (default) or fp8-dense (the GPU catalogue's dense throughput).")
    @Nullable
    String computePrecision;

    @Spec(Spec.Target.MIXEE)
    @Nullable
    CommandSpec mixee;

    private List<Problem> warnings = List.of();

    /**
     * The scenario with the overrides applied and validated; its warnings (unusual values) are printed on the command's
     * error stream, one line each, and do not stop the command.
     */
    public Scenario load() {
        Scenario s = loadSilently();
        PrintWriter err = mixee != null
                ? mixee.commandLine().getErr()
                : new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Warnings.print(err, warnings);
        return s;
    }

    /** The warnings of the scenario last loaded. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** Like {@link #load()} but leaves the warnings to the caller ({@link #warnings()}). */
    public Scenario loadSilently() {
        Scenario s = loadValidated();
        warnings = ScenarioValidator.warnings(s);
        return s;
    }

    private Scenario loadValidated() {
        Scenario s = scenarioFile == null ? DefaultScenario.load() : ScenarioReader.read(scenarioFile);
        List<Problem> files = ScenarioPaths.unreadable(s, baseDir());
        if (!files.isEmpty()) {
            throw new ValidationException(subject(), files);
        }
        if (computePrecision != null) {
            String given = computePrecision;
            s = s.withComputePrecision(io.minerai.core.ai.ComputePrecision.parse(given)
                    .orElseThrow(() -> new ValidationException(
                            "options",
                            new Problem(
                                    "--compute-precision",
                                    "must be one of bf16-dense, fp8-dense, was '" + given + "'"))));
        }
        if (from == null && to == null && step == null) {
            return s;
        }
        ZoneOffset offset = scenarioOffset(s);
        Instant start = from == null ? s.period().startUtc() : instant("--from", from, offset);
        Instant end = to == null ? s.period().endUtc() : instant("--to", to, offset);
        Duration d = s.period().step();
        if (step != null) {
            try {
                d = FieldReader.parseDuration(step);
            } catch (IllegalArgumentException e) {
                throw new ValidationException(
                        "options",
                        new Problem("--step", "must be a duration like 5m, 15m, 1h, 1d or PT15M, was '" + step + "'"));
            }
        }
        Scenario out = s.withPeriod(new Period(start, end, d));
        ScenarioValidator.validate(out).throwIfAny("scenario with --from/--to/--step");
        return out;
    }

    /**
     * The scenario's inputs, resolved from its data files and its programs' data; a problem names this scenario as its
     * subject.
     */
    public ScenarioInputs resolveInputs(Scenario s) {
        try {
            return InputResolver.resolve(s, baseDir());
        } catch (ValidationException e) {
            throw new ValidationException(subject(), e.problems(), e.total());
        }
    }

    /** Folder relative data paths in the scenario resolve against. */
    public Path baseDir() {
        if (scenarioFile == null) {
            return Path.of(".").toAbsolutePath().normalize();
        }
        Path parent = scenarioFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** What to call the scenario as the subject of an error: "scenario site.yaml" or "the bundled default scenario". */
    public String subject() {
        return scenarioFile == null ? "the bundled default scenario" : "scenario " + scenarioFile;
    }

    /** What to call the scenario in messages. */
    public String label() {
        return scenarioFile == null ? "the bundled default scenario" : scenarioFile.toString();
    }

    private ZoneOffset scenarioOffset(Scenario s) {
        // The default and most ERCOT scenarios start at local midnight; keep that offset for date-only overrides.
        // Local midnight at UTC-6 is 06:00Z, so the offset is minus the time into the UTC day; past noon UTC it is a
        // positive offset (midnight at UTC+9 is 15:00Z the day before). Ambiguous between -12 h and +12 h: the
        // Americas (ERCOT) win.
        long secondsIntoUtcDay = Math.floorMod(s.period().startUtc().getEpochSecond(), 86_400L);
        if (secondsIntoUtcDay == 0 || secondsIntoUtcDay % 900 != 0) {
            return ZoneOffset.UTC;
        }
        long offsetSeconds = secondsIntoUtcDay <= 12 * 3600 ? -secondsIntoUtcDay : 86_400L - secondsIntoUtcDay;
        return ZoneOffset.ofTotalSeconds((int) offsetSeconds);
    }

    private static Instant instant(String option, String value, ZoneOffset offset) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(offset);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(
                    "options",
                    new Problem(
                            option,
                            "must be a date like 2024-07-01 or a date-time with offset like 2024-07-01T00:00:00-05:00, was '"
                                    + value + "'"));
        }
    }
}
