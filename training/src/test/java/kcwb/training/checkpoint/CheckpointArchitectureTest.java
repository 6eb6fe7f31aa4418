package kcwb.training.checkpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checkpoint files are read and validated without DJL: only the loader and the snapshot touch native arrays. */
@AnalyzeClasses(packages = "kcwb.training.checkpoint", importOptions = ImportOption.DoNotIncludeTests.class)
class CheckpointArchitectureTest {
    @ArchTest
    static final ArchRule readersNeverTouchDjl = noClasses().that().resideInAPackage("kcwb.training.checkpoint")
            .and().haveNameNotMatching("kcwb\\.training\\.checkpoint\\.(StateDictLoader|ModelWeights|HfFolderWriter)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "kcwb.training.model..");
}
