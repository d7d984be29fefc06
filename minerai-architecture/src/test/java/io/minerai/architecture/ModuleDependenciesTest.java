package io.minerai.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps module dependencies pointing inward: core at the centre, the CLI and the server outermost, and solver APIs
 * only behind our own adapter. Maven already refuses undeclared module dependencies; this test also pins which
 * declared ones are allowed.
 */
class ModuleDependenciesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.minerai", "braiins.bos");
    }

    @Test
    void layersPointInward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Core")
                .definedBy("io.minerai.core..")
                .layer("Data")
                .definedBy("io.minerai.data..")
                .layer("Dispatch")
                .definedBy("io.minerai.dispatch..")
                .layer("Solver")
                .definedBy("io.minerai.solver..")
                .layer("Optimize")
                .definedBy("io.minerai.optimize..")
                .layer("Report")
                .definedBy("io.minerai.report..")
                .layer("Sustainability")
                .definedBy("io.minerai.sustainability..")
                .layer("Planning")
                .definedBy("io.minerai.planning..")
                .layer("Portfolio")
                .definedBy("io.minerai.portfolio..")
                .layer("Sweep")
                .definedBy("io.minerai.sweep..")
                .layer("Store")
                .definedBy("io.minerai.store..")
                .layer("Ops")
                .definedBy("io.minerai.ops..")
                .layer("Braiins")
                .definedBy("io.minerai.braiins..")
                .layer("Server")
                .definedBy("io.minerai.server..")
                .layer("Cli")
                .definedBy("io.minerai.cli..")
                .layer("Bench")
                .definedBy("io.minerai.bench..")
                .layer("Spark")
                .definedBy("io.minerai.spark..")
                .whereLayer("Spark")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Bench")
                .mayNotBeAccessedByAnyLayer()
                // GPL-3.0 (generated from Braiins' protos): found at run time through minerai-ops' FirmwarePlugin
                .whereLayer("Braiins")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Server")
                .mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Ops")
                .mayOnlyBeAccessedByLayers("Braiins", "Server", "Cli", "Bench")
                .whereLayer("Store")
                .mayOnlyBeAccessedByLayers("Ops", "Server", "Cli", "Bench")
                .whereLayer("Portfolio")
                .mayOnlyBeAccessedByLayers("Server", "Cli", "Bench")
                .whereLayer("Planning")
                .mayOnlyBeAccessedByLayers("Portfolio", "Server", "Cli", "Bench")
                .whereLayer("Sweep")
                .mayOnlyBeAccessedByLayers("Portfolio", "Spark", "Server", "Cli", "Bench")
                .whereLayer("Sustainability")
                .mayOnlyBeAccessedByLayers("Server", "Cli", "Bench")
                .whereLayer("Optimize")
                .mayOnlyBeAccessedByLayers("Ops", "Sustainability", "Portfolio", "Server", "Cli", "Bench")
                .whereLayer("Report")
                .mayOnlyBeAccessedByLayers(
                        "Optimize", "Sustainability", "Planning", "Portfolio", "Server", "Cli", "Bench")
                .whereLayer("Solver")
                .mayOnlyBeAccessedByLayers("Optimize", "Planning", "Server", "Cli", "Bench")
                .whereLayer("Dispatch")
                .mayOnlyBeAccessedByLayers(
                        "Optimize",
                        "Report",
                        "Sustainability",
                        "Planning",
                        "Portfolio",
                        "Store",
                        "Ops",
                        "Server",
                        "Cli",
                        "Bench")
                .whereLayer("Data")
                .mayOnlyBeAccessedByLayers(
                        "Dispatch",
                        "Solver",
                        "Optimize",
                        "Report",
                        "Sustainability",
                        "Planning",
                        "Portfolio",
                        "Store",
                        "Ops",
                        "Server",
                        "Cli",
                        "Bench")
                .check(classes);
    }

    @Test
    void sweepDependsOnlyOnCore() {
        noClasses()
                .that()
                .resideInAPackage("io.minerai.sweep..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.minerai.data..",
                        "io.minerai.dispatch..",
                        "io.minerai.planning..",
                        "io.minerai.solver..",
                        "io.minerai.store..",
                        "org.apache.spark..")
                .check(classes);
    }

    /** Spark (about 290 MB of jars) stays in minerai-spark, which is found at run time through a ServiceLoader. */
    @Test
    void onlyTheSparkModuleUsesSparkOrHadoop() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.minerai.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
                .check(classes);
        assertThat(classes.containPackage("io.minerai.spark"))
                .as("the Spark module is imported, so the rule above has something to check")
                .isTrue();
    }

    /**
     * The Braiins OS client is generated from GPL-3.0 interface files (braiins/bos-plus-api): it, its gRPC runtime and
     * the driver using them stay in minerai-ops-braiins, so every other module carries no GPL code.
     */
    @Test
    void onlyTheBraiinsModuleUsesItsGeneratedClientAndGrpc() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.minerai.braiins..", "braiins.bos..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("braiins.bos..", "io.grpc..", "com.google.protobuf..")
                .check(classes);
        assertThat(classes.containPackage("io.minerai.braiins.driver"))
                .as("the Braiins module is imported, so the rule above has something to check")
                .isTrue();
        assertThat(classes.stream()
                        .filter(c -> c.getPackageName().startsWith("io.minerai.ops"))
                        .noneMatch(c -> c.getSimpleName().startsWith("Braiins")))
                .as("no Braiins class left in minerai-ops")
                .isTrue();
    }

    @Test
    void coreDependsOnNothingOfOursAndNoFramework() {
        noClasses()
                .that()
                .resideInAPackage("io.minerai.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "picocli..",
                        "com.google.ortools..",
                        "org.ojalgo..",
                        "java.sql..",
                        "org.knowm..")
                .check(classes);
    }

    @Test
    void onlyTheSolverAdapterImportsSolverApis() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.minerai.solver..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.google.ortools..", "org.ojalgo..")
                .check(classes);
    }

    @Test
    void onlyTheOuterRingsUseCliAndHttpFrameworks() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.minerai.cli..", "io.minerai.server..", "io.minerai.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("io.minerai.server..", "io.minerai.ops..", "io.minerai.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..")
                .check(classes);
    }
}
