package kcwb.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The arrows inside app: cli and gui both call service and never each other. */
@AnalyzeClasses(packages = "kcwb.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule cliDoesNotUseGui = noClasses().that().resideInAPackage("kcwb.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("kcwb.app.gui..");

    @ArchTest
    static final ArchRule guiDoesNotUseCli = noClasses().that().resideInAPackage("kcwb.app.gui..")
            .should().dependOnClassesThat().resideInAPackage("kcwb.app.cli..");

    @ArchTest
    static final ArchRule serviceKnowsNoUi = noClasses().that().resideInAPackage("kcwb.app.service..")
            .should().dependOnClassesThat().resideInAnyPackage("kcwb.app.gui..", "kcwb.app.cli..", "javafx..");
}
