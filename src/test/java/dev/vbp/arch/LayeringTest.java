package dev.vbp.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vbp.cli.BaseCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of README's "Where things go", held by the build. Data flows read → domain → engine →
 * output; the domain depends on nothing of ours but the neutral {@code errors} package; nothing outside
 * {@code cli} knows the command line; every command is a {@link BaseCommand}.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.vbp");
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.vbp.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("errors").definedBy("dev.vbp.errors..")
                .layer("domain").definedBy("dev.vbp.domain..")
                .layer("read").definedBy("dev.vbp.read..")
                .layer("engine").definedBy("dev.vbp.engine..")
                .layer("output").definedBy("dev.vbp.output..")
                .layer("workspace").definedBy("dev.vbp.workspace..")
                .layer("sample").definedBy("dev.vbp.sample..")
                .layer("cli").definedBy("dev.vbp.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("sample").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("workspace", "cli")
                .whereLayer("read").mayOnlyBeAccessedByLayers("engine", "workspace", "sample", "cli")
                .whereLayer("output").mayOnlyBeAccessedByLayers("engine", "cli")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoOtherLayer() {
        noClasses().that().resideInAPackage("dev.vbp.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vbp.read..", "dev.vbp.engine..", "dev.vbp.output..",
                        "dev.vbp.workspace..", "dev.vbp.sample..", "dev.vbp.cli..")
                .check(classes);
    }

    @Test
    void theReadingLayerKnowsNoLaterLayer() {
        noClasses().that().resideInAPackage("dev.vbp.read..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.vbp.engine..", "dev.vbp.output..",
                        "dev.vbp.workspace..", "dev.vbp.cli..")
                .check(classes);
    }

    @Test
    void everyCommandExtendsBaseCommand() {
        classes().that().areAnnotatedWith(Command.class).and().resideInAPackage("dev.vbp.cli.commands..")
                .should().beAssignableTo(BaseCommand.class)
                .check(classes);
    }
}
