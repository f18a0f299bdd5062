package nl.lekwacht;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The structure the design promises (design.md §3): dependencies point inward, the root package only
 * starts and composes, and tests never wait a fixed time for something not to happen.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.lekwacht";
    /** The code that ships: everything compiled from src/main. */
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages(ROOT);
    /** The tests and their support code. */
    static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(location -> location.contains("/test-classes/"))
            .importPackages(ROOT);

    /**
     * Test classes that really wait for a wall-clock timeout of the code under test, and may therefore
     * sleep. Each says why where it sleeps.
     */
    static final Set<String> MAY_SLEEP = Set.of(
            // paces the commands that keep a session busy until smtp.session-timeout closes it
            "nl.lekwacht.smtp.ClientAccessTest",
            // backs off between attempts as a sending MTA's queue does; nothing is asserted from a pause
            "nl.lekwacht.faults.RetryingMta");

    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    static ArchRule mayNotDependOn(String[] from, String... to) {
        return noClasses().that().resideInAnyPackage(from).should().dependOnClassesThat().resideInAnyPackage(to);
    }

    static ArchRule rootHoldsMainAndGateway() {
        return classes().that().resideInAPackage(ROOT).and().areTopLevelClasses()
                .should().haveFullyQualifiedName(ROOT + ".Main").orShould().haveFullyQualifiedName(ROOT + ".Gateway")
                .because("the root package only starts the command line and composes the packages' entries");
    }

    static ArchRule testsDoNotSleep() {
        return noClasses().that(DescribedPredicate.describe("are not allowed to wait for a wall-clock timeout",
                        (JavaClass c) -> !MAY_SLEEP.contains(c.getName()) && !MAY_SLEEP.contains(topLevel(c))))
                // the benchmark harness JMH generates measures with its own pauses; it runs only under -Pbench
                .and().resideOutsideOfPackage(ROOT + ".bench.jmh_generated..")
                .should().callMethodWhere(DescribedPredicate.describe("Thread.sleep or TimeUnit.sleep",
                        (JavaMethodCall call) -> call.getName().equals("sleep")
                                && (call.getTargetOwner().isEquivalentTo(Thread.class)
                                || call.getTargetOwner().isAssignableTo(TimeUnit.class))))
                .because("a test that sleeps and then asserts that nothing happened passes whenever the code is "
                        + "late; run the background loop's round on demand instead");
    }

    private static String topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
    }

    private static String[] packages(String... names) {
        return java.util.Arrays.stream(names).map(n -> ROOT + "." + n + "..").toArray(String[]::new);
    }

    @Test
    void noCycleBetweenTopLevelPackages() {
        noCycles().check(MAIN);
    }

    @Test
    void storeNeverDependsOnWeb() {
        mayNotDependOn(packages("store"), packages("web")).check(MAIN);
    }

    @Test
    void registerHoldAndIntakeNeverDependOnSmtp() {
        mayNotDependOn(packages("register", "hold", "intake"), packages("smtp")).check(MAIN);
    }

    @Test
    void configNeverDependsOnInspect() {
        mayNotDependOn(packages("config"), packages("inspect")).check(MAIN);
    }

    @Test
    void inspectNeverDependsOnSmtpStoreOrWeb() {
        mayNotDependOn(packages("inspect"), packages("smtp", "store", "web")).check(MAIN);
    }

    @Test
    void policyNeverDependsOnSmtpOrStore() {
        mayNotDependOn(packages("policy"), packages("smtp", "store")).check(MAIN);
    }

    @Test
    void intakeNeverDependsOnWeb() {
        mayNotDependOn(packages("intake"), packages("web")).check(MAIN);
    }

    @Test
    void rootPackageHoldsOnlyMainAndGateway() {
        rootHoldsMainAndGateway().check(MAIN);
    }

    @Test
    void testsNeverSleepExceptToWaitForATimeoutOfTheCodeUnderTest() {
        testsDoNotSleep().check(TESTS);
    }
}
