package kcwb.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** training has no UI and does not know storage; inside it, text and model stay low in the stack. */
@AnalyzeClasses(packages = "kcwb.training", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noUiNoStorage = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..", "kcwb.storage..", "kcwb.app..");

    @ArchTest
    static final ArchRule textDoesNotKnowTheModel = noClasses().that().resideInAPackage("kcwb.training.text..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "kcwb.training.model..", "kcwb.training.train..", "kcwb.training.checkpoint..", "ai.djl..");

    @ArchTest
    static final ArchRule modelDoesNotKnowTraining = noClasses().that().resideInAPackage("kcwb.training.model..")
            .should().dependOnClassesThat().resideInAnyPackage("kcwb.training.train..", "kcwb.training.eval..");
}
