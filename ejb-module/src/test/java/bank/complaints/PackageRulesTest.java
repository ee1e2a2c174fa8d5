package bank.complaints;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house (README, "Where to change what"): capabilities depend downwards only, the
 * complaint kernel on nothing above it, and no package is reached back up from below. A new class
 * that breaks this fails the build here, with the offending dependency named.
 */
class PackageRulesTest {

  private static JavaClasses classes;

  /** Below the kernel: what every capability may use, and which uses no capability. */
  private static final String[] FOUNDATION = {
    "bank.complaints.common..",
    "bank.complaints.platform..",
    "bank.complaints.audit..",
    "bank.complaints.privacy.."
  };

  /**
   * What a bank configures that the kernel names: calendars, grades, departments. (The deadline
   * policies are data too, but {@code sla} also holds each case's clocks, which refer to the
   * complaint by its id: it sits above the kernel.)
   */
  private static final String[] REFERENCE = {
    "bank.complaints.calendar..", "bank.complaints.grading..", "bank.complaints.department.."
  };

  /** The use cases: nothing in the domain calls them; the web module and listeners do. */
  private static final String[] USE_CASES = {
    "bank.complaints.intake..",
    "bank.complaints.caseprocess..",
    "bank.complaints.review..",
    "bank.complaints.operations.."
  };

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("bank.complaints");
  }

  @Test
  void no_package_cycle() {
    slices().matching("bank.complaints.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void the_foundation_uses_no_capability() {
    noClasses()
        .that()
        .resideInAnyPackage(FOUNDATION)
        .should()
        .dependOnClassesThat(domainOutside(FOUNDATION))
        .check(classes);
  }

  @Test
  void the_kernel_depends_on_nothing_above_it() {
    noClasses()
        .that()
        .resideInAPackage("bank.complaints.complaint..")
        .should()
        .dependOnClassesThat(
            domainOutside(concat(FOUNDATION, REFERENCE), "bank.complaints.complaint.."))
        .check(classes);
  }

  @Test
  void reference_data_does_not_know_the_complaint() {
    noClasses()
        .that()
        .resideInAnyPackage(REFERENCE)
        .should()
        .dependOnClassesThat(domainOutside(concat(FOUNDATION, REFERENCE)))
        .check(classes);
  }

  @Test
  void no_capability_calls_a_use_case() {
    for (String useCase : USE_CASES) {
      noClasses()
          .that()
          .resideOutsideOfPackages(USE_CASES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(useCase)
          .check(classes);
    }
  }

  @Test
  void the_domain_knows_nothing_of_http() {
    noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..").check(classes);
  }

  /**
   * A CDI bean's entity manager is the one {@link bank.complaints.platform.EntityManagers} found at
   * startup: its own {@code @PersistenceContext}, first used by a web request, finds no unit there.
   */
  @Test
  void only_enterprise_beans_declare_a_persistence_context() {
    noFields()
        .that()
        .areAnnotatedWith(PersistenceContext.class)
        .should()
        .beDeclaredInClassesThat(
            DescribedPredicate.not(
                annotatedWith(Stateless.class)
                    .or(annotatedWith(Singleton.class))
                    .or(annotatedWith(MessageDriven.class))
                    .as("enterprise beans")))
        .check(classes);
  }

  /** A class of this application outside the given packages. */
  private static DescribedPredicate<JavaClass> domainOutside(String[] allowed, String... more) {
    return resideInAPackage("bank.complaints..")
        .and(resideOutsideOfPackages(concat(allowed, more)))
        .as("classes of the application outside " + String.join(", ", concat(allowed, more)));
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
